"""nmm_site.fast_yaml: libyaml's speed, the pure-Python parser's results and messages."""

from __future__ import annotations

import pytest
import yaml

from nmm_site import fast_yaml

TEXT = "title: Hà Giang\narea_km2: 7929.5\nnames: [Hà Giang, Ha Giang]\nwhen: 2025-07-01\n"


def test_same_result_as_the_pure_python_parser() -> None:
    assert fast_yaml.safe_load(TEXT) == yaml.safe_load(TEXT)
    assert fast_yaml.compose(TEXT).value[1][0].start_mark.line == 1


@pytest.mark.parametrize("call", [fast_yaml.safe_load, fast_yaml.compose])
def test_invalid_yaml_gets_the_pure_python_message_and_line(call) -> None:
    text = "type: province\ntitle: Điện Biên Phủ: chiến thắng\n"
    with pytest.raises(yaml.YAMLError) as caught:
        call(text)
    assert "mapping values are not allowed here" in str(caught.value)
    assert caught.value.problem_mark.line == 1
