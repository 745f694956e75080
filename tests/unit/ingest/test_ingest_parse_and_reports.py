"""parse_feed and entries → Reports: pure functions, hand-written fixtures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.errors import EmptyBody, NotAFeed, ParseError
from ingest.parser import parse_feed
from ingest.processor import entries_to_reports, html_to_text
from ingest.registry import Feed
from ingest.settings import PollerSettings
from sitrep.records import report_id_for

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
SETTINGS = PollerSettings()
FEED = Feed(id="sohr-ar", url="https://example.org/feed", source="SOHR")


def rss(items: str, extra: str = "", lang: str = "ar") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">'
        f"<channel><title>Observatory</title><language>{lang}</language>{extra}{items}</channel></rss>"
    ).encode()


ITEM = (
    "<item><title>قصف مدفعي على ريف إدلب</title><link>https://example.org/a/1?utm_source=rss</link>"
    "<guid>urn:1</guid><description>&lt;p&gt;قُتل &lt;b&gt;3&lt;/b&gt; مدنيين&lt;/p&gt;"
    "&lt;script&gt;alert(1)&lt;/script&gt;</description>"
    "<pubDate>Tue, 24 Nov 2026 13:30:00 +0300</pubDate></item>"
)


def test_rss_entry_becomes_a_report_with_stable_id_clean_text_utc_date() -> None:
    parsed = parse_feed(rss(ITEM), {"content-type": "application/rss+xml"}, FEED.url)
    assert not parsed.bozo and parsed.language == "ar" and len(parsed.entries) == 1
    [candidate] = entries_to_reports(parsed, FEED, NOW, SETTINGS)
    report = candidate.report
    assert report.report_id == report_id_for(url="https://example.org/a/1")  # tracking params dropped
    assert report.title == "قصف مدفعي على ريف إدلب"
    assert "alert" not in report.text and "<" not in report.text and "3" in report.text
    assert report.published_at == datetime(2026, 11, 24, 10, 30, tzinfo=UTC)
    assert report.language == "ar" and report.source == "SOHR" and report.feed_id == "sohr-ar"
    assert report.revision == 1 and report.content_hash
    again = entries_to_reports(parse_feed(rss(ITEM), {}, FEED.url), FEED, NOW + timedelta(hours=1), SETTINGS)
    assert again[0].report.report_id == report.report_id and again[0].entry_hash == candidate.entry_hash


def test_missing_and_future_dates_become_fetch_time() -> None:
    items = (
        "<item><title>no date</title><guid>g1</guid></item>"
        "<item><title>future</title><guid>g2</guid><pubDate>Mon, 01 Jan 2035 00:00:00 GMT</pubDate></item>"
        "<item><title>naive</title><guid>g3</guid><pubDate>Tue, 24 Nov 2026 09:00:00</pubDate></item>"
    )
    reports = [
        c.report for c in entries_to_reports(parse_feed(rss(items), {}, FEED.url), FEED, NOW, SETTINGS)
    ]
    assert reports[0].published_at == NOW and reports[1].published_at == NOW
    assert reports[2].published_at == datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # no zone: UTC


def test_language_detected_when_neither_registry_nor_feed_says() -> None:
    feed = Feed(id="x", url="https://example.org/f")
    body = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        b"<entry><id>tag:1</id><title>Clashes in Deir ez-Zor</title><summary>Fighting</summary></entry>"
        b"<entry><id>tag:2</id><title>\xd8\xa7\xd8\xb4\xd8\xaa\xd8\xa8\xd8\xa7\xd9\x83\xd8\xa7\xd8\xaa</title>"
        b"</entry></feed>"
    )
    reports = [c.report for c in entries_to_reports(parse_feed(body, {}, feed.url), feed, NOW, SETTINGS)]
    assert [r.language for r in reports] == ["en", "ar"]
    assert reports[0].report_id == report_id_for(guid="tag:1")


def test_entries_without_link_or_guid_get_a_content_id() -> None:
    body = rss("<item><title>only a title</title></item>")
    [candidate] = entries_to_reports(parse_feed(body, {}, FEED.url), FEED, NOW, SETTINGS)
    assert candidate.report.report_id == report_id_for(content="only a title\n")
    assert not candidate.needs_fulltext  # nothing to fetch


def test_short_entries_with_a_link_ask_for_full_text() -> None:
    [candidate] = entries_to_reports(parse_feed(rss(ITEM), {}, FEED.url), FEED, NOW, SETTINGS)
    assert candidate.needs_fulltext


def test_html_page_is_not_a_feed_and_names_the_real_feed() -> None:
    page = (
        b"<!DOCTYPE html><html><head><title>SOHR</title>"
        b'<link rel="alternate" type="application/rss+xml" href="/feed/"></head><body>hi</body></html>'
    )
    with pytest.raises(NotAFeed, match=r"HTML page.*https://example.org/feed/"):
        parse_feed(page, {"content-type": "text/html"}, "https://example.org/")


@pytest.mark.parametrize("body", [b"", b"   \n\t"])
def test_empty_body(body: bytes) -> None:
    with pytest.raises(EmptyBody):
        parse_feed(body, {}, FEED.url)


def test_garbage_is_not_a_feed() -> None:
    with pytest.raises(NotAFeed):
        parse_feed(b"\x00\x01\x02binary junk \xff\xfe", {}, FEED.url)


def test_malformed_xml_is_a_warning_when_entries_survive() -> None:
    broken = rss("<item><title>one & two</title><guid>g</guid></item>")  # bare ampersand
    parsed = parse_feed(broken, {}, FEED.url)
    assert parsed.bozo and parsed.bozo_message
    assert [c.report.title for c in entries_to_reports(parsed, FEED, NOW, SETTINGS)] == ["one & two"]


def test_wrong_declared_encoding_still_reads() -> None:
    body = rss("<item><title>Ḥamāh</title><guid>g</guid></item>").replace(
        b'encoding="utf-8"', b'encoding="ascii"'
    )
    parsed = parse_feed(body, {"content-type": "text/xml; charset=iso-8859-1"}, FEED.url)
    assert len(parsed.entries) == 1 and parsed.entries[0].title


def test_entity_expansion_is_not_performed() -> None:
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{"&lol" + str(i - 1) + ";" if i > 1 else "&lol;"}'.encode()
            + b"&lol;" * 9
            + b'">'
            for i in range(1, 10)
        )
        + b']><rss version="2.0"><channel><title>&lol9;</title><item><title>t</title><guid>g</guid>'
        b"<description>&lol9;</description></item></channel></rss>"
    )
    parsed = parse_feed(lol, {}, FEED.url)
    assert len(parsed.title) < 1000 and len(parsed.entries[0].summary_html) < 1000


def test_external_entities_and_file_names_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><title>t</title><item><title>&xxe;</title><guid>g</guid></item>'
        "</channel></rss>"
    ).encode()
    parsed = parse_feed(xxe, {}, FEED.url)
    assert "TOPSECRET" not in repr(parsed)
    # feedparser treats a bare bytes argument as a file name first: parse_feed must not
    with pytest.raises(NotAFeed):
        parse_feed(str(secret).encode(), {}, FEED.url)


def test_hub_self_and_ttl_are_read() -> None:
    extra = (
        '<atom:link rel="hub" href="https://hub.example/"/><atom:link rel="self" href="https://example.org/feed"/>'
        "<ttl>30</ttl>"
    )
    parsed = parse_feed(rss(ITEM, extra), {}, FEED.url)
    assert parsed.hub_urls == ["https://hub.example/"] and parsed.self_url == "https://example.org/feed"
    assert parsed.ttl_s == 1800


def test_html_to_text_is_idempotent_on_text() -> None:
    text = html_to_text("<div><p>a&amp;b</p><p>second   line</p></div><img alt='map of Idlib'>")
    assert text == "a&b\n\nsecond line\nmap of Idlib" or text.startswith("a&b")
    assert html_to_text(text) == text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(
            lambda t: f'<rss version="2.0"><channel><item>{t}</item></channel></rss>'.encode()
        ),
        st.text(max_size=300).map(lambda t: f"<feed xmlns='http://www.w3.org/2005/Atom'><entry>{t}".encode()),
    )
)
def test_any_bytes_give_a_feed_or_a_parse_error(body: bytes) -> None:
    try:
        parsed = parse_feed(body, {}, FEED.url)
    except ParseError:
        return
    for candidate in entries_to_reports(parsed, FEED, NOW, SETTINGS):
        assert candidate.report.report_id and candidate.report.published_at is not None
