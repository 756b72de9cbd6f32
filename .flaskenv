FLASK_APP=web.app:create_app
