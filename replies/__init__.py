"""Channel-neutral replies: what the bot says, and how each chat channel shows it.

Standard library only, so the package also imports inside Rasa's own venv.
"""
