// LayoutLab — shape checks that stop with both shapes in the message.

/// Stops with a message naming the op and both shapes when `condition` is false.
///
/// Shape mismatches are programming errors inside the model (user input is validated before it
/// becomes a tensor), so they stop the process, with a message that makes the bug obvious.
@inline(__always)
func checkShapes(
  _ condition: Bool, _ op: String, _ a: [Int], _ b: [Int], _ detail: @autoclosure () -> String = ""
) {
  if !condition {
    let extra = detail()
    preconditionFailure(
      "\(op): shape mismatch between \(a) and \(b)" + (extra.isEmpty ? "" : " (\(extra))"))
  }
}

/// The message `checkShapes` would stop with, for tests.
public func shapeMismatchMessage(_ op: String, _ a: [Int], _ b: [Int]) -> String {
  "\(op): shape mismatch between \(a) and \(b)"
}
