"""Links that work from a folder of files (file://), for the offline bundle.

Generated pages link to other pages as folders (``../providers/x/``), which a web server
answers with the folder's index.html. Opened from disk there is no server, so in a build
with ``use_directory_urls: false`` each relative link to a folder is pointed at the folder's
``index.html``. MkDocs rewrites Markdown links itself; raw HTML links are ours to fix.
"""

from __future__ import annotations

import re

# A quoted href or src whose value is relative: no scheme, not absolute, not only a #fragment.
_RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")((?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)[^"?#]+)((?:[?#][^"]*)?")')


def folder_links_to_files(html: str) -> str:
    """Point every relative link to a folder at that folder's index.html."""

    def fix(match: re.Match[str]) -> str:
        path = match.group(2)
        if path in (".", "..") or path.endswith(("/.", "/..")):
            path += "/"
        if not path.endswith("/"):
            return match.group(0)
        return f"{match.group(1)}{path}index.html{match.group(3)}"

    return _RELATIVE_LINK.sub(fix, html)
