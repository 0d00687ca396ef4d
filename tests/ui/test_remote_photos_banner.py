"""RemotePhotosBanner: names the hosts, asks, and reports the answer; it never fetches."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from photoessay_desktop.ui.remote_photos_banner import RemotePhotosBanner, banner_text


def shown_banner(qtbot: QtBot, hosts: list[str]) -> RemotePhotosBanner:
    banner = RemotePhotosBanner()
    qtbot.addWidget(banner)
    banner.resize(700, 60)
    banner.set_hosts(hosts)
    if hosts:
        qtbot.waitExposed(banner)
    return banner


def button(banner: RemotePhotosBanner, text: str) -> QPushButton:
    return next(b for b in banner.findChildren(QPushButton) if b.text().replace("&", "") == text)


def test_hidden_until_there_are_hosts(qtbot: QtBot) -> None:
    banner = shown_banner(qtbot, [])
    assert not banner.isVisible()
    banner.set_hosts(["static01.nyt.com"])
    assert banner.isVisible()
    assert "static01.nyt.com" in banner.message()


def test_allow_button_asks_and_hides(qtbot: QtBot) -> None:
    banner = shown_banner(qtbot, ["a.example.org", "b.example.org"])
    with qtbot.waitSignal(banner.allow_requested, timeout=1000):
        qtbot.mouseClick(button(banner, "Load Remote Photos"), Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


def test_not_now_dismisses(qtbot: QtBot) -> None:
    banner = shown_banner(qtbot, ["a.example.org"])
    with qtbot.assertNotEmitted(banner.allow_requested), qtbot.waitSignal(banner.dismissed):
        qtbot.mouseClick(button(banner, "Not Now"), Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


def test_keyboard_mnemonic_allows(qtbot: QtBot) -> None:
    banner = shown_banner(qtbot, ["a.example.org"])
    allow = button(banner, "Load Remote Photos")
    allow.setFocus()
    with qtbot.waitSignal(banner.allow_requested, timeout=1000):
        qtbot.keyClick(allow, Qt.Key.Key_Space)


def test_text_for_one_many_and_non_ascii_hosts() -> None:
    assert banner_text(["a.org"]).startswith("Photos in this essay are on a.org.")
    assert "tells that site" in banner_text(["a.org"])
    assert "on a.org and b.org." in banner_text(["a.org", "b.org"])
    many = banner_text([f"h{n}.org" for n in range(7)])
    assert "h0.org, h1.org, h2.org and 4 more sites" in many and "those sites" in many
    assert "фото.укр" in banner_text(["фото.укр"])


def test_hostile_host_text_is_plain_not_rich_text(qtbot: QtBot) -> None:
    banner = shown_banner(qtbot, ["<b>evil</b>.example"])
    assert "<b>evil</b>.example" in banner.message()
    (label,) = banner.findChildren(QLabel)
    assert label.textFormat() is Qt.TextFormat.PlainText
