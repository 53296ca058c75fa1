"""`python -m catalogue …` runs the same CLI as the `catalogue` entry point."""

from catalogue.cli import cli

if __name__ == "__main__":
    cli(prog_name="catalogue")
