"""Links and heading anchors as the build sees them."""

from nmm_site.content.links import anchors, is_page_link, links


def test_anchors_follow_toc_rules():
    body = (
        "# Điện Biên Phủ\n\n## Lịch sử\n\n## Lịch sử\n\n### **Văn hóa** `Thái`\n\n"
        "## Tên khác {#ten-goi}\n\nMột tiêu đề\n----------\n\n"
        '```\n## Không phải tiêu đề\n```\n\n<span id="moc-1954"></span>\n'
    )
    assert anchors(body) == {
        "dien-bien-phu",
        "lich-su",
        "lich-su_1",
        "van-hoa-thai",
        "ten-goi",
        "mot-tieu-de",
        "moc-1954",
    }


def test_links_skip_code_comments_and_images():
    body = (
        "Xem [Hà Giang](../provinces/ha-giang.md#dia-ly) và `[x](code.md)`.\n"
        "<!-- [cũ](old.md) -->\n![ảnh](../../assets/images/a.jpg)\n"
        "[ref]: ../heritage/ba-be.md\n[web](https://example.org/a.md)\n"
    )
    found = links(body, first_line=10)
    assert [(link.line, link.target) for link in found] == [
        (10, "../provinces/ha-giang.md#dia-ly"),
        (13, "../heritage/ba-be.md"),
        (14, "https://example.org/a.md"),
    ]
    assert [is_page_link(link) for link in found] == [True, True, False]
    assert found[0].path == "../provinces/ha-giang.md" and found[0].anchor == "dia-ly"


def test_anchors_match_what_python_markdown_builds():
    import markdown

    from nmm_site.content.slugs import slugify

    body = "## Lịch sử\n\n## Lịch sử\n\n### **Văn hóa** `Thái` [Mường](a.md)\n\n## Tên khác {#ten-goi}\n"
    html = markdown.markdown(
        body, extensions=["attr_list", "toc"], extension_configs={"toc": {"slugify": slugify}}
    )
    import re

    assert set(re.findall(r'id="([^"]+)"', html)) == anchors(body)
