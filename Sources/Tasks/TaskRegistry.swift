// LayoutLab — the tasks a spec can name: `task: 'entities'` selects `EntityTask`, and so on.

import Synchronization

/// A spec's `task` value: the name of a registered task.
public struct FineTuningTask: RawRepresentable, Codable, Hashable, Sendable, CaseIterable {
  /// The name, as the spec writes it.
  public var rawValue: String

  /// A task name.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Token classification scored as entity F1 (FUNSD-style).
  public static let entities = FineTuningTask(rawValue: "entities")
  /// Document classification scored as accuracy (RVL-CDIP-style).
  public static let classification = FineTuningTask(rawValue: "classification")
  /// Extractive question answering scored as ANLS (DocVQA-style).
  public static let qa = FineTuningTask(rawValue: "qa")

  /// The registered tasks' names, in registration order.
  public static var allCases: [FineTuningTask] { TaskRegistry.tasks.map(\.name) }

  public init(from decoder: Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

/// The registered tasks: the three built in, then any registered (a new task registers once).
public enum TaskRegistry {
  private static let registered = Mutex<[any DocumentTask]>([
    EntityTask(), ClassificationTask(), QATask(),
  ])

  /// Every task, in registration order.
  public static var tasks: [any DocumentTask] { registered.withLock { $0 } }

  /// Adds `task` (replacing a task of the same name).
  public static func register(_ task: any DocumentTask) {
    registered.withLock { tasks in
      if let index = tasks.firstIndex(where: { $0.name == task.name }) {
        tasks[index] = task
      } else {
        tasks.append(task)
      }
    }
  }

  /// Removes the task named `name` (a test's task, when the test is done).
  public static func remove(named name: FineTuningTask) {
    registered.withLock { tasks in tasks.removeAll { $0.name == name } }
  }

  /// The task named `name`.
  /// - Throws: `TaskRegistryError.unknown` naming the registered tasks.
  public static func task(named name: FineTuningTask) throws -> any DocumentTask {
    guard let task = tasks.first(where: { $0.name == name }) else {
      throw TaskRegistryError.unknown(name: name.rawValue, known: tasks.map(\.name.rawValue))
    }
    return task
  }

  /// The record section type of every task, by its record key.
  public static var outcomeTypes: [(key: String, type: any TaskOutcome.Type)] {
    tasks.map { (type(of: $0).outcomeKey, $0.outcomeType) }
  }
}

extension DocumentTask {
  /// The record key of the task's outcome.
  static var outcomeKey: String { Outcome.recordKey }
}

/// A task name no task is registered under.
public enum TaskRegistryError: Error, CustomStringConvertible {
  case unknown(name: String, known: [String])

  public var description: String {
    switch self {
    case .unknown(let name, let known):
      return "no task '\(name)' (tasks: \(known.joined(separator: ", ")))"
    }
  }
}
