"""The one error imaging raises for a photo it cannot show; its str() is the reason a user reads.

Callers catch only this, so a corrupt file, a refused format or a decompression bomb all end as a
placeholder with a message, never as a crash. It must not carry Pillow or OS exception types out.
"""

from __future__ import annotations


class ImageDecodeError(Exception):
    """A photo that cannot be shown; str(error) is a short, plain-language reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
