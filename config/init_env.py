"""`python -m config.init_env`: write `.env` from `.env.example` with fresh secrets (only
when `.env` does not exist yet), so a local install never runs on shared secrets."""

from __future__ import annotations

import secrets

from cryptography.fernet import Fernet

from config.settings import PROJECT_ROOT

FRESH = {
    "WECHAT_TOKEN": lambda: secrets.token_urlsafe(24),
    "WECHAT_APP_SECRET": lambda: secrets.token_hex(16),
    "DATA_ENCRYPTION_KEY": lambda: Fernet.generate_key().decode(),
    "SECRET_KEY": lambda: secrets.token_urlsafe(32),
}


def main() -> None:
    target = PROJECT_ROOT / ".env"
    if target.exists():
        print(".env exists; left as it is")
        return
    lines = []
    for line in (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        name = line.split("=", 1)[0]
        lines.append(f"{name}={FRESH[name]()}" if name in FRESH else line)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("wrote .env with fresh secrets")


if __name__ == "__main__":
    main()
