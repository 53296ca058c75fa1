from catalogue.folding import fold


def test_fold_spells_out_umlauts():
    assert fold("FÜHRERSCHEIN Straße") == "fuehrerschein strasse"


def test_fold_drops_common_accents():
    assert fold("Café Niño") == "cafe nino"
