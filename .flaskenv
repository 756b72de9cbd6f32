FLASK_APP=bot.app:create_app
