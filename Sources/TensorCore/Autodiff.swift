// LayoutLab — reverse-mode automatic differentiation with a tape.

/// One recorded op: its output, its inputs and the function that maps the output's gradient to
/// the inputs' gradients.
final class TapeEntry {
  /// The gradient function: given dL/d(output), returns dL/d(input) for each input (`nil` for
  /// inputs that need none).
  let backward: (Tensor) -> [Tensor?]
  let inputs: [Tensor]
  /// The position on the tape, for ordering.
  let index: Int
  /// The function that recorded the op (for `OpProfile`).
  let name: StaticString

  init(
    inputs: [Tensor], index: Int, name: StaticString, backward: @escaping (Tensor) -> [Tensor?]
  ) {
    self.inputs = inputs
    self.index = index
    self.name = name
    self.backward = backward
  }
}

/// The tape of recorded ops and the recording switch.
///
/// Recording is global to the process: the graph is built on one thread (kernels parallelize
/// inside ops). `Autodiff.withoutRecording` runs inference with nothing recorded.
public enum Autodiff {
  nonisolated(unsafe) static var recording = true
  nonisolated(unsafe) static var nextIndex = 0

  /// Whether ops are being recorded now.
  public static var isRecording: Bool { recording }

  /// Runs `body` with recording off: no tape entries, no gradients (inference).
  public static func withoutRecording<T>(_ body: () throws -> T) rethrows -> T {
    let previous = recording
    recording = false
    defer { recording = previous }
    return try body()
  }

  /// Whether `tensor` takes part in differentiation: a trainable leaf or a recorded result.
  public static func isTracked(_ tensor: Tensor) -> Bool {
    tensor.requiresGrad || tensor.tapeEntry != nil
  }

  /// Records `output` as computed from `inputs` when recording is on and any input is tracked.
  ///
  /// `backward` must not capture `output` itself (capture `output.storage` if it needs the
  /// values): the output owns the closure, and a reference back would leak the whole graph.
  @discardableResult
  public static func record(
    _ output: Tensor, inputs: [Tensor], name: StaticString = #function,
    backward: @escaping (Tensor) -> [Tensor?]
  ) -> Tensor {
    if OpProfile.enabled { OpProfile.recordForward("\(name)") }
    guard recording, inputs.contains(where: isTracked) else { return output }
    nextIndex += 1
    output.tapeEntry = TapeEntry(inputs: inputs, index: nextIndex, name: name, backward: backward)
    return output
  }
}

extension Tensor {
  /// Back-propagates from this tensor and ADDS the gradients into every trainable leaf's `grad`.
  ///
  /// - Parameter seed: dL/d(self); defaults to ones, which is what a scalar loss needs.
  public func backward(seed: Tensor? = nil) {
    let start = seed ?? Tensor(repeating: 1, shape: shape)
    precondition(start.shape == shape, "backward seed shape \(start.shape) ≠ tensor shape \(shape)")
    // Collect the graph reachable from self, then visit it in reverse recording order.
    var entries: [(Tensor, TapeEntry)] = []
    var seen = Set<ObjectIdentifier>()
    var stack: [Tensor] = [self]
    while let tensor = stack.popLast() {
      guard let entry = tensor.tapeEntry, seen.insert(ObjectIdentifier(tensor)).inserted else {
        continue
      }
      entries.append((tensor, entry))
      stack.append(contentsOf: entry.inputs)
    }
    entries.sort { $0.1.index > $1.1.index }
    var grads: [ObjectIdentifier: Tensor] = [ObjectIdentifier(self): start]
    // Gradients we allocated ourselves may be accumulated into in place; others (returned by a
    // backward function, possibly shared) are copied before the first accumulation.
    var owned = Set<ObjectIdentifier>()
    var leaves: [ObjectIdentifier: Tensor] = [:]
    if requiresGrad, tapeEntry == nil { leaves[ObjectIdentifier(self)] = self }
    for (tensor, entry) in entries {
      guard let gradOutput = grads.removeValue(forKey: ObjectIdentifier(tensor)) else { continue }
      let inputGrads =
        OpProfile.enabled
        ? OpProfile.timeBackward("\(entry.name)") { entry.backward(gradOutput) }
        : entry.backward(gradOutput)
      for (input, inputGrad) in zip(entry.inputs, inputGrads) {
        guard let inputGrad, Autodiff.isTracked(input) else { continue }
        precondition(
          inputGrad.shape == input.shape,
          "gradient shape \(inputGrad.shape) ≠ input shape \(input.shape)")
        let key = ObjectIdentifier(input)
        if input.tapeEntry == nil { leaves[key] = input }
        if let existing = grads[key] {
          if owned.contains(key) {
            existing.addingInPlaceUntracked(inputGrad)
          } else {
            grads[key] = existing.detached().addingInPlaceUntracked(inputGrad)
            owned.insert(key)
          }
        } else {
          grads[key] = inputGrad
        }
      }
    }
    for (key, leaf) in leaves {
      if let grad = grads[key] { leaf.accumulateGrad(grad) }
    }
  }

  /// Adds `gradient` into this leaf's `grad`.
  func accumulateGrad(_ gradient: Tensor) {
    if let grad {
      _ = grad.addingInPlaceUntracked(gradient)
    } else {
      grad = gradient.detached()
    }
  }

  /// `self += other` elementwise with no recording; returns self. Shapes must match in count.
  @discardableResult
  func addingInPlaceUntracked(_ other: Tensor) -> Tensor {
    precondition(count == other.count, "cannot add \(other.shape) into \(shape)")
    let a = pointer
    let b = other.pointer
    for i in 0..<count { a[i] += b[i] }
    return self
  }

  /// Clears this leaf's gradient.
  public func zeroGrad() { grad = nil }
}
