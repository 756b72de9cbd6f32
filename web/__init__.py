"""The web entry point: the Flask app factory, the /wechat webhook, health and the CLI."""
