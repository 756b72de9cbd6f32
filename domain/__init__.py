"""Domain rules shared by the chat, the jobs and (later) the console: how records move
through their statuses, who hears about what, and hand-offs to a person."""
