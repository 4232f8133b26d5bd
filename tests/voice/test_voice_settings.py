"""`repliq voice reglages`: the student's recognition and turn-taking settings, remembered,
checked, and used by the voice loop; bad values are refused with a French message."""

from __future__ import annotations

from pathlib import Path

import pytest

from repliq.audio_settings import load_audio_settings, save_audio_settings
from repliq.cli import main
from repliq.voice_session import chosen_turn_taking, load_transcriber


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REPLIQ_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "config"


def test_defaults_are_shown_then_changed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["voice", "reglages"]) == 0
    shown = capsys.readouterr().out
    assert "--silence-fin" in shown and "par défaut" in shown
    strategy, rule = chosen_turn_taking()
    assert strategy.turn_taking.end_silence == 0.75 and rule.min_speech == 0.5

    assert main(["voice", "reglages", "--silence-fin", "1.2", "--coupure", "0.8",
                 "--faisceau", "3"]) == 0
    assert "1.2" in capsys.readouterr().out
    strategy, rule = chosen_turn_taking()
    assert strategy.turn_taking.end_silence == 1.2  # a student who pauses to think
    assert rule.min_speech == 0.8
    assert load_transcriber().beam_size == 3


def test_bad_values_are_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["voice", "reglages", "--calcul", "float16"]) == 1
    assert "attendu : int8, int8_float32, float32" in capsys.readouterr().err
    assert main(["voice", "reglages", "--silence-fin", "12"]) == 1
    assert "entre 0.05 et 5 secondes" in capsys.readouterr().err
    assert main(["voice", "reglages", "--modele", str(tmp_path)]) == 1
    assert "model.bin absent" in capsys.readouterr().err
    assert load_audio_settings().compute_type is None  # nothing half-saved


def test_reset_keeps_the_headset(config_dir: Path) -> None:
    save_audio_settings(input="Jabra EVOLVE 20", end_silence=1.5, threads=4)
    assert main(["voice", "reglages", "--defaut"]) == 0
    settings = load_audio_settings()
    assert settings.input == "Jabra EVOLVE 20"
    assert settings.end_silence is None and settings.threads is None


def test_a_hand_damaged_file_falls_back_to_defaults(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "audio.json").write_text('{"threads": "beaucoup", "end_silence": -3, '
                                           '"compute_type": "gpu", "input": "USB"}')
    settings = load_audio_settings()
    assert (settings.threads, settings.end_silence, settings.compute_type) == (None, None, None)
    assert settings.input == "USB"


@pytest.mark.parametrize("content", [b"garbage{", b"\xff\xfe\x00 pas du JSON", b"[1, 2]", b"",
                                     b'{"threads": 1e999, "end_silence": NaN}'])
def test_a_corrupt_settings_file_gives_the_defaults(config_dir: Path, content: bytes,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "audio.json").write_bytes(content)
    assert main(["voice", "reglages"]) == 0
    assert capsys.readouterr().out.count("par défaut") == 7
    assert main(["voice", "reglages", "--silence-fin", "1.0"]) == 0  # rewritten, sound
    assert load_audio_settings().end_silence == 1.0


def test_an_unreadable_or_unwritable_settings_file_is_one_french_line(
        config_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config_dir.mkdir(parents=True)
    # Nested past the parser's depth: a damaged file like any other, the defaults apply.
    (config_dir / "audio.json").write_text("[" * 100_000)
    assert main(["voice", "reglages"]) == 0
    assert capsys.readouterr().out.count("par défaut") == 7
    (config_dir / "audio.json").unlink()
    (config_dir / "audio.json").mkdir()  # a folder where the file should be
    assert main(["voice", "reglages", "--coupure", "0.8"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("repliq : impossible d'enregistrer les réglages dans ")
    assert err.count("\n") == 1
