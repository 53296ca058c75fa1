"""Rasa 3.6's messenger connectors, fixed for this deployment (loaded by class path from
the credentials file the runner writes, `runner/channels.py`).

One module per platform, each a small subclass of Rasa's connector: configurable API
base URL (tests point it at a local fake), bounded outgoing calls, start-up without
the network, the privacy notice's address in the message metadata. The web app
(`bot/channels/`) authenticates every webhook before it reaches these classes.
"""
