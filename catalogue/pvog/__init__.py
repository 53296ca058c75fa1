"""Import service descriptions from the national catalogue (PVOG) into a YAML source file.

`client.py` speaks HTTP (timeouts, size limit, JSON checks, optional OAuth2
client-credentials token); `suchdienst.py` reads the PVOG Suchdienst's JSON search API
by region key (ARS) and LeiKa key; `bereitstelldienst.py` reads the Bereitstelldienst,
whose pages wrap XZuFi XML and go through the file importer's XZuFi 2.2 parser;
`mapping.py` turns a Suchdienst description into a catalogue record; `merge.py` merges
records into a YAML source file for review without overwriting anything an editor set.
Nothing here runs at import time; docs/pvog-import.md is the operator guide.
"""
