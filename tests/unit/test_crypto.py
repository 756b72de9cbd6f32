import pytest

from storage.crypto import FieldCipher, generate_key


def test_round_trip_and_no_plaintext() -> None:
    cipher = FieldCipher(generate_key())
    token = cipher.encrypt("11010519491231002X")
    assert "11010519491231002X" not in token
    assert cipher.decrypt(token) == "11010519491231002X"


def test_rotation_new_key_first_old_still_decrypts_and_hash_is_stable() -> None:
    old, new = generate_key(), generate_key()
    before = FieldCipher(old)
    after = FieldCipher(f"{new},{old}")
    assert after.decrypt(before.encrypt("王秀英")) == "王秀英"
    assert after.keyed_hash("11010519491231002x") == before.keyed_hash("11010519491231002X")


def test_wrong_key_is_a_clear_error() -> None:
    token = FieldCipher(generate_key()).encrypt("x")
    with pytest.raises(ValueError, match="cannot decrypt"):
        FieldCipher(generate_key()).decrypt(token)


def test_keyed_hash_depends_on_the_key() -> None:
    assert FieldCipher(generate_key()).keyed_hash("A") != FieldCipher(generate_key()).keyed_hash(
        "A"
    )


def test_malformed_key_is_refused() -> None:
    with pytest.raises(ValueError, match="Fernet"):
        FieldCipher("not-a-key")
