"""Messages to people through WeChat: the notification outbox and the WeChat API client."""
