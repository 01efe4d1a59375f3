// LayoutLab — `layoutlab forward`: run a checkpoint on an inputs file.

import ArgumentParsing
import Commands
import Foundation

let forwardCommand = CommandSpec(
  name: "forward", abstract: "Run a checkpoint on a safetensors inputs file; write its outputs.",
  discussion: """
    DIR holds config.json and model.safetensors in HF layout; the head comes from the config's
    `architectures`. The inputs file is laid out like the HF fixtures' inputs.safetensors.
    """,
  options: [
    .value("checkpoint", "DIR", "Checkpoint folder (config.json + model.safetensors)."),
    .value("inputs", "FILE", "Inputs (.safetensors): input_ids, bbox, attention_mask, …"),
    .value("out", "FILE", "Where to write the outputs (.safetensors)."),
    .flag("backward", "Also write grad.<name> for every parameter (needs labels)."),
  ]
) { args in
  print(
    try runForward(
      checkpoint: URL(fileURLWithPath: try args.required("checkpoint")),
      inputs: URL(fileURLWithPath: try args.required("inputs")),
      out: URL(fileURLWithPath: try args.required("out")), backward: args.flag("backward")))
  return 0
}
