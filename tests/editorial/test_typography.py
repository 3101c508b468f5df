"""Typography on rendered HTML: text nodes only, never code, attributes or URLs; idempotent."""

from __future__ import annotations

import pytest

from nmm_site.editorial.typography import typeset_html, typeset_text

N = "\u202f"  # narrow no-break space
B = "\u00a0"  # no-break space


@pytest.mark.parametrize(
    ("html", "lang", "expected"),
    [
        # French spacing: thin space before ; ! ? and inside « », no-break space before :
        ("<p>Le Fansipan: un sommet; vraiment? Oui!</p>", "fr",
         f"<p>Le Fansipan{B}: un sommet{N}; vraiment{N}? Oui{N}!</p>"),
        ("<p>Le site ; la date : 1954 !</p>", "fr", f"<p>Le site{N}; la date{B}: 1954{N}!</p>"),
        ("<p>« déjà »</p>", "fr", f"<p>«{N}déjà{N}»</p>"),
        ('<p>Il dit "bonjour".</p>', "fr", f"<p>Il dit «{N}bonjour{N}».</p>"),
        # after a link or an emphasis, the text before the tag is the context
        ('<li><a href="#x">Marché de Khâu Vai</a>: <time>3 mai</time></li>', "fr",
         f'<li><a href="#x">Marché de Khâu Vai</a>{B}: <time>3 mai</time></li>'),
        ("<p><em>Vraiment</em>? Oui.</p>", "fr", f"<p><em>Vraiment</em>{N}? Oui.</p>"),
        ("<p><strong>Note</strong></p><p>: début</p>", "fr", "<p><strong>Note</strong></p><p>: début</p>"),
        # ":" in a French title, and times, ratios and dates left alone
        ("<h1>Điện Biên Phủ : 1954</h1>", "fr", f"<h1>Điện Biên Phủ{B}: 1954</h1>"),
        ("<p>Ouvert à 10:30, le 2025-07-01.</p>", "fr", "<p>Ouvert à 10:30, le 2025-07-01.</p>"),
        # URL with ":" and "?q=" in the link text and the href
        ('<p>Voir <a href="https://ex.org/a?q=1:2">https://ex.org/a?q=1:2</a> ou www.ex.org/?q=a;b.</p>',
         "fr",
         '<p>Voir <a href="https://ex.org/a?q=1:2">https://ex.org/a?q=1:2</a> ou www.ex.org/?q=a;b.</p>'),
        ("<p>Écrire à contact@ex.org: merci.</p>", "fr", f"<p>Écrire à contact@ex.org{B}: merci.</p>"),
        ("<p>Le paramètre ?q=hanoi reste tel quel.</p>", "fr",
         "<p>Le paramètre ?q=hanoi reste tel quel.</p>"),
        # code spans, code blocks, keyboard keys, scripts and styles are never touched
        ('<p>Écrire <code>fact("a.b"): x</code> ici.</p>', "fr",
         '<p>Écrire <code>fact("a.b"): x</code> ici.</p>'),
        ('<pre><code>a = "b"; c: d 1945-1954</code></pre>', "en",
         '<pre><code>a = "b"; c: d 1945-1954</code></pre>'),
        ("<p><kbd>Ctrl-1</kbd></p>", "fr", "<p><kbd>Ctrl-1</kbd></p>"),
        ('<script>var a = "x: y"; if (a<b) {}</script><style>a:hover{x:"y"}</style>', "fr",
         '<script>var a = "x: y"; if (a<b) {}</script><style>a:hover{x:"y"}</style>'),
        # attributes are never touched, even with quotes, colons and apostrophes in them
        ('<p title="l\'ouest : &quot;x&quot;" data-x=\'a "b" c\'>l\'ouest</p>', "fr",
         '<p title="l\'ouest : &quot;x&quot;" data-x=\'a "b" c\'>l’ouest</p>'),
        ('<img alt="don\'t 1945-1954"><p>It\'s</p>', "en", '<img alt="don\'t 1945-1954"><p>It’s</p>'),
        # English and Vietnamese: curly quotes and apostrophes, across inline tags
        ('<p>He said "hello", don\'t.</p>', "en", "<p>He said “hello”, don’t.</p>"),
        ('<p>"<em>Xòe</em>" and "<a href="#x">Then</a>"</p>', "en",
         '<p>“<em>Xòe</em>” and “<a href="#x">Then</a>”</p>'),
        ('<p>Người Mông gọi là "nóc nhà".</p>', "vi", "<p>Người Mông gọi là “nóc nhà”.</p>"),
        ("<p>the '90s and 'Then' rites</p>", "en", "<p>the ’90s and ‘Then’ rites</p>"),
        # en dashes in numeric ranges, not in dates, phone numbers or ids
        ("<p>1945-1954, pages 12-15, 3.5-4 m</p>", "en", "<p>1945–1954, pages 12–15, 3.5–4 m</p>"),
        ("<p>2025-07-01, 0214-3840-123, COVID-19, QL-4C, 10:30-11:00</p>", "en",
         "<p>2025-07-01, 0214-3840-123, COVID-19, QL-4C, 10:30-11:00</p>"),
        # entities are read as their characters; &amp; is not a ";" to space
        ("<p>l&#39;ouest &quot;a&quot; &amp; b ; c</p>", "fr", f"<p>l’ouest «{N}a{N}» &amp; b{N}; c</p>"),
        # a fallback page's Vietnamese body inside a French page keeps Vietnamese rules
        ('<html lang="fr"><div lang="vi"><p>Ông nói "xin chào" : 1945-1954</p></div>'
         '<p>"Oui" ?</p></html>', "fr",
         '<html lang="fr"><div lang="vi"><p>Ông nói “xin chào” : 1945–1954</p></div>'
         f'<p>«{N}Oui{N}»{N}?</p></html>'),
        ('<html lang="fr"><body><p>Voilà : oui</p></body></html>', "en",
         f'<html lang="fr"><body><p>Voilà{B}: oui</p></body></html>'),
        ('<div data-lang="vi" hreflang="vi"><p>"Oui" ?</p></div>', "fr",
         f'<div data-lang="vi" hreflang="vi"><p>«{N}Oui{N}»{N}?</p></div>'),
        # a source title as published (often another language) is left alone
        ("<p><cite>Hà Giang cách Hà Nội bao xa?</cite>, VTC News</p>", "fr",
         "<p><cite>Hà Giang cách Hà Nội bao xa?</cite>, VTC News</p>"),
        ('<p>1997<sup class="nmm-uncertain"><span>?</span></sup> : x</p>', "fr",
         f'<p>1997<sup class="nmm-uncertain"><span>?</span></sup>{B}: x</p>'),
        # a lone "?" marker, comments and a doctype
        ('<!DOCTYPE html><!-- a: "b" --><sup><span>?</span></sup>', "fr",
         '<!DOCTYPE html><!-- a: "b" --><sup><span>?</span></sup>'),
    ],
)  # fmt: skip
def test_typeset(html: str, lang: str, expected: str) -> None:
    assert typeset_html(html, lang) == expected


@pytest.mark.parametrize("lang", ["vi", "en", "fr"])
def test_idempotent(lang: str) -> None:
    html = (
        '<p>Il dit "oui" : l\'ouest ; 1945-1954 ! « x » <a href="https://a.b/?q=1:2">https://a.b/?q=1:2</a></p>'
        "<p>Déjà typographié\u202f: «\u202fx\u202f» l’ouest 1945–1954</p>"
    )
    once = typeset_html(html, lang)
    assert typeset_html(once, lang) == once


def test_already_typeset_text_is_returned_as_is() -> None:
    text = f"Déjà{B}: «{N}x{N}» l’ouest{N}; 1945–1954"
    assert typeset_text(text, "fr") is text
    page = f"<p>{text}</p>"
    assert typeset_html(page, "fr") is page


def test_unbalanced_html_does_not_break_the_language_stack() -> None:
    html = '<div lang="vi"><p>một<p>hai "x"</div><p>"y" ?</p>'
    assert typeset_html(html, "fr") == f'<div lang="vi"><p>một<p>hai “x”</div><p>«{N}y{N}»{N}?</p>'


def test_the_build_applies_it_to_every_page() -> None:
    import importlib.util

    from nmm_site.site_config import ROOT

    assert "hooks/typography.py" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    spec = importlib.util.spec_from_file_location("typography_hook", ROOT / "hooks" / "typography.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)

    class Config:
        theme = {"language": "fr"}

    page = '<html lang="fr"><body><p>Le site : "x"</p><code>a: "b"</code></body></html>'
    assert hook.on_post_page(page, None, Config()) == (
        f'<html lang="fr"><body><p>Le site{B}: «{N}x{N}»</p><code>a: "b"</code></body></html>'
    )
