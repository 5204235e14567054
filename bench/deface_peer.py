"""Run deface (the peer) on the bench media; executed by bench/.venv/bin/python only.

deface is installed in the bench environment alone (it pulls the GUI OpenCV build). This uses
its own functions with its command-line defaults (threshold 0.2, mask scale 1.3, blur, CenterFace
at the photo's own size, libx264 for video), times them with the model already loaded (as ours
is), and prints JSON: per photo the median milliseconds and the boxes found, per video the
frames per second.

    bench/.venv/bin/python bench/deface_peer.py '{"photos": [...], "video": "...", "repeat": 3, "out": "/tmp"}'
"""

from __future__ import annotations

import importlib
import json
import os
import statistics
import sys
import time
from typing import Any


def main(spec: dict[str, Any]) -> dict[str, Any]:
    # imported by name: these live only in bench/.venv, not where mypy runs
    imageio = importlib.import_module("imageio.v2")  # deface's own reader
    df = importlib.import_module("deface.deface")
    centerface = importlib.import_module("deface.centerface").CenterFace(
        in_shape=None, backend="auto"
    )
    out_dir = spec["out"]
    result: dict[str, Any] = {"backend": centerface.backend, "photos": {}, "video": None}
    for photo in spec["photos"]:
        frame = imageio.imread(photo)
        dets, _ = centerface(frame, threshold=0.2)
        boxes = [
            [float(x1), float(y1), float(x2 - x1), float(y2 - y1)] for x1, y1, x2, y2, _ in dets
        ]
        target = os.path.join(out_dir, "deface-" + os.path.basename(photo))
        times = []
        for _ in range(spec["repeat"]):
            t0 = time.perf_counter()
            df.image_detect(photo, target, centerface, 0.2, "blur", 1.3, True, False, False, False)
            times.append(time.perf_counter() - t0)
        result["photos"][photo] = {"ms": statistics.median(times) * 1000, "boxes": boxes}
    video = spec.get("video")
    if video:
        frames = imageio.get_reader(video).count_frames()
        t0 = time.perf_counter()
        with open(os.devnull, "w") as quiet:
            err, sys.stderr = sys.stderr, quiet  # its progress bar
            try:
                df.video_detect(
                    video,
                    os.path.join(out_dir, "deface-clip.mp4"),
                    centerface,
                    0.2,
                    False,
                    False,
                    False,
                    "blur",
                    1.3,
                    True,
                    False,
                    {"codec": "libx264"},
                )
            finally:
                sys.stderr = err
        result["video"] = {"frames": frames, "fps": frames / (time.perf_counter() - t0)}
    return result


if __name__ == "__main__":
    sys.stdout.write(json.dumps(main(json.loads(sys.argv[1]))) + "\n")
