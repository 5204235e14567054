"""Voices: found in every speech recording, none in silence, noise or music-like signals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from socialprotocol.engine.media import MediaEngine
from tests.media.conftest import panning_clip, read_wav, write_wav

RATE = 16000
SENTENCES = [
    ("nl", "Goedemorgen allemaal, vandaag gaan we met groep zeven naar het Rijksmuseum."),
    ("nl", "Wil je je gymspullen morgen niet vergeten? Dan kunnen we buiten spelen."),
    ("nl", "Ja."),
    ("en", "Welcome to the school concert, please take your seats."),
]


@pytest.mark.parametrize(("voice", "text"), SENTENCES)
def test_it_finds_the_voice_in_a_speech_recording(
    engine: MediaEngine, speak: Callable[[str, str], Path], voice: str, text: str
) -> None:
    path = speak(text, voice)
    speech = engine.find_voices(str(path))
    assert speech, text
    spoken = sum(s.to_s - s.from_s for s in speech)
    duration = len(read_wav(path)) / RATE
    assert spoken >= 0.5 * duration - 0.3


def test_it_places_the_voice_where_it_is_spoken(
    engine: MediaEngine, speak: Callable[[str, str], Path], media: Path
) -> None:
    words = read_wav(speak("Dit is de stem van de juf.", "nl"))
    quiet = np.zeros(2 * RATE, dtype=np.float32)
    path = write_wav(media / "pause-speech-pause.wav", np.concatenate([quiet, words, quiet]))
    speech = engine.find_voices(str(path))
    assert len(speech) == 1
    assert 1.7 <= speech[0].from_s <= 2.3
    assert abs(speech[0].to_s - (2 + len(words) / RATE)) <= 0.5


def _signals() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(5)
    t = np.arange(8 * RATE) / RATE
    notes = [261.6, 329.6, 392.0, 523.3, 440.0, 349.2, 293.7, 392.0]
    melody = np.concatenate(
        [
            sum(
                a * np.sin(2 * np.pi * f * k * t[:RATE])
                for k, a in ((1, 0.3), (2, 0.15), (3, 0.08))
            )
            * np.exp(-3 * t[:RATE])
            for f in notes
        ]
    )
    chords = sum(0.1 * np.sin(2 * np.pi * f * t) for f in (220.0, 277.2, 329.6, 440.0))
    beat = (rng.standard_normal(len(t)) * 0.3) * (np.mod(t, 0.5) < 0.05)
    brown = np.cumsum(rng.standard_normal(len(t)))
    brown = 0.3 * (brown - brown.mean()) / np.abs(brown).max()
    return {
        "silence": np.zeros(len(t)),
        "white noise": rng.standard_normal(len(t)) * 0.1,
        "brown noise (traffic, wind)": brown,
        "hum 50 Hz": 0.2 * np.sin(2 * np.pi * 50 * t),
        "melody with harmonics": melody,
        "chords and a beat": chords + beat,
    }


@pytest.mark.parametrize("name", list(_signals()))
def test_it_finds_no_voice_in_silence_noise_or_music(
    engine: MediaEngine, media: Path, name: str
) -> None:
    path = write_wav(media / f"{name.split()[0]}.wav", _signals()[name].astype(np.float32))
    assert engine.find_voices(str(path)) == []


def test_it_finds_the_voice_in_the_sound_track_of_a_video(
    engine: MediaEngine, speak: Callable[[str, str], Path], media: Path
) -> None:
    words = read_wav(speak("Kijk, daar is meester Bas met de hele klas.", "nl"))
    clip = panning_clip(media / "talking.mp4", size=(320, 180), frames=20, fps=10, audio=words)
    scan = engine.scan(str(clip))
    assert scan.kind == "video" and scan.voices
    assert scan.tracks


@pytest.mark.parametrize("suffix", [".mp3", ".m4a", ".ogg", ".wav"])
def test_it_hears_the_voice_in_every_audio_format_and_writes_a_copy_without_tags(
    engine: MediaEngine, speak: Callable[[str, str], Path], media: Path, suffix: str
) -> None:
    import av

    spoken = speak("Morgen is de ouderavond om zeven uur in de aula.", "nl")
    tagged = media / f"tagged{suffix}"
    with av.open(str(spoken)) as src, av.open(str(tagged), "w") as out:
        out.metadata["artist"] = "Juf Anna de Vries"
        codec = {".mp3": "libmp3lame", ".m4a": "aac", ".ogg": "libopus", ".wav": "pcm_s16le"}[
            suffix
        ]
        stream = out.add_stream(codec, rate=48000 if suffix == ".ogg" else 22050)
        for frame in src.decode(audio=0):
            frame.pts = None
            for p in stream.encode(frame):
                out.mux(p)
        for p in stream.encode(None):
            out.mux(p)
    assert engine.find_voices(str(tagged))
    assert [m.label for m in engine.read_metadata(str(tagged))] == ["maker"]
    copy = media / f"copy{suffix}"
    assert engine.redact(str(tagged), str(copy)).kind == "audio"
    assert engine.read_metadata(str(copy)) == []
    assert engine.find_voices(str(copy))
