"""`python -m wechat_standin serve` runs the stand-in; `... chat` is a terminal WeChat."""

from __future__ import annotations

import argparse
import os
import sys
import time

import requests
from werkzeug.serving import run_simple

from config.settings import load_settings
from wechat_standin.server import StandInState, create_standin_app
from wechat_standin.signing import Account
from wechat_standin.webhook_caller import WebhookCaller, http_transport

DEFAULT_PORT = 8100
CHAT_HELP = "输入消息回车发送。/user <openid> 换身份，/subscribe 关注，/quit 退出。"


def _standin_url() -> str:
    return os.environ.get("STANDIN_URL", f"http://127.0.0.1:{DEFAULT_PORT}")


def serve(port: int) -> None:
    settings = load_settings()
    account = Account(
        settings.wechat_token, settings.wechat_app_id, settings.wechat_encoding_aes_key
    )
    webhook = os.environ.get("WEBHOOK_URL", f"http://127.0.0.1:{settings.web_port}/wechat")
    caller = WebhookCaller(account, http_transport(webhook))
    state = StandInState(settings.wechat_app_id, settings.wechat_app_secret)
    print(f"WeChat stand-in on :{port}, delivering to {webhook}", flush=True)
    run_simple("127.0.0.1", port, create_standin_app(state, caller), threaded=True)


def _print_pushed(base: str, openid: str, since: float) -> float:
    time.sleep(0.3)
    pushed = requests.get(
        f"{base}/standin/sent", params={"openid": openid, "since": since}, timeout=5
    )
    for item in pushed.json():
        print(f"[推送] {item.get('content') or item.get('data')}")
        since = max(since, item["at"])
    return since


def chat(openid: str) -> None:
    base = _standin_url()
    print(f"你是 {openid}。{CHAT_HELP}")
    since = time.time()
    for line in sys.stdin:
        text = line.strip()
        if not text:
            continue
        if text == "/quit":
            break
        if text.startswith("/user "):
            openid = text.split(maxsplit=1)[1]
            print(f"现在你是 {openid}")
            continue
        payload = (
            {"openid": openid, "event": "subscribe"}
            if text == "/subscribe"
            else {
                "openid": openid,
                "text": text,
            }
        )
        try:
            result = requests.post(f"{base}/standin/send", json=payload, timeout=20).json()
        except requests.RequestException as exc:
            print(f"（连不上微信模拟器 {base}：{exc}。先运行 make run）")
            continue
        if result.get("reply"):
            print(f"[助联] {result['reply']}")
        elif result.get("status") != 200:
            print(
                f"（公众号没有回应：HTTP {result.get('status')}，尝试 {result.get('attempts')} 次）"
            )
        since = _print_pushed(base, openid, since)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m wechat_standin")
    sub = parser.add_subparsers(dest="command", required=True)
    serve_cmd = sub.add_parser("serve", help="run the WeChat stand-in server")
    serve_cmd.add_argument(
        "--port", type=int, default=int(os.environ.get("STANDIN_PORT", DEFAULT_PORT))
    )
    chat_cmd = sub.add_parser("chat", help="chat with the bot from this terminal")
    chat_cmd.add_argument("--openid", default="o_demo_household")
    args = parser.parse_args()
    if args.command == "serve":
        serve(args.port)
    else:
        chat(args.openid)


if __name__ == "__main__":
    main()
