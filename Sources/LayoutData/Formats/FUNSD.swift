// LayoutLab — FUNSD: `annotations/*.json` with `images/*.png`, read and written as released.

import Foundation
import JSONValues

/// Reads and writes the official FUNSD layout (`layoutlm-reference.md` §F.1).
///
/// Every word is kept in `Document.words`, empty ones too (the official word count includes
/// them); encoders drop words whose text is only whitespace, as the reference loaders do.
/// Extra keys the standard loaders ignore: `cue` on an entity (the synthetic cue tag) and a
/// top-level `image_size` (`{"width", "height"}`) used only when the page image is absent.
public enum FUNSD {
  /// Reads every `annotations/*.json` of a split folder (such as `training_data`), sorted by
  /// file name. Page sizes come from the PNG headers in `images/`.
  public static func read(split: URL) throws -> [Document] {
    let annotations = split.appendingPathComponent("annotations")
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: annotations.path)
        .filter { $0.hasSuffix(".json") }.sorted()
    } catch {
      throw DataEnvironmentError(
        "\(split.path) is not a FUNSD split: no readable annotations/ folder inside")
    }
    return try names.map { name in
      let stem = String(name.dropLast(5))
      let image = split.appendingPathComponent("images").appendingPathComponent(stem + ".png")
      return try readDocument(annotation: annotations.appendingPathComponent(name), image: image)
    }
  }

  /// Reads one annotation file; `image` gives the page size (and becomes `imagePath`) if present.
  public static func readDocument(annotation: URL, image: URL?) throws -> Document {
    try readJSONFile(annotation) { root in
      try readDocument(root, annotation: annotation, image: image)
    }
  }

  private static func readDocument(_ root: JSONCursor, annotation: URL, image: URL?) throws
    -> Document
  {
    let id = annotation.deletingPathExtension().lastPathComponent
    var document = Document(id: id, pageWidth: 0, pageHeight: 0)
    if let image, try listedFileExists(image, what: "a page image") {
      let size = try ImageHeader.pixelSize(of: image)
      document.pageWidth = size.width
      document.pageHeight = size.height
      document.imagePath = image.path
    } else if let size = try root.optionalMember("image_size") {
      for (key, field) in [("width", \Document.pageWidth), ("height", \Document.pageHeight)] {
        let node = try size.member(key)
        document[keyPath: field] = try PixelLimits.checked(
          try node.int(), file: root.file, entry: node.path)
      }
    } else {
      throw DataEnvironmentError(
        "\(annotation.path): the page image \(image?.path ?? "(none)") is missing, so the page size is unknown"
      )
    }
    var linkEntries: [EntityLink] = []
    for entityNode in try root.member("form").array() {
      let entityId = try entityNode.member("id").int()
      let label = try entityNode.member("label").string()
      var indices: [Int] = []
      for wordNode in try entityNode.member("words").array() {
        let word = Word(
          text: try wordNode.member("text").string(), box: try wordNode.member("box").box())
        indices.append(document.words.count)
        document.words.append(word)
      }
      let box =
        try entityNode.optionalMember("box")?.box()
        ?? BoundingBox.union(indices.map { document.words[$0].box })
        ?? BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0)
      let cue = try entityNode.optionalMember("cue")?.string()
      document.entities.append(
        Entity(id: entityId, label: label, wordIndices: indices, box: box, cue: cue))
      for pairNode in try entityNode.optionalMember("linking")?.array() ?? [] {
        let pair = try pairNode.array()
        guard pair.count == 2 else { throw pairNode.failure("a link [from_id, to_id]") }
        linkEntries.append(EntityLink(from: try pair[0].int(), to: try pair[1].int()))
      }
    }
    document.links = countedLinks(linkEntries)
    return document
  }

  /// The links behind the `linking` entries of one form. Each link is stored on both of its
  /// entities (twice on one entity for a self-link), so a pair listed n times stands for
  /// ⌈n/2⌉ links. Order: first appearance.
  static func countedLinks(_ entries: [EntityLink]) -> [EntityLink] {
    var counts: [EntityLink: Int] = [:]
    var order: [EntityLink] = []
    for entry in entries {
      if counts[entry] == nil { order.append(entry) }
      counts[entry, default: 0] += 1
    }
    var links: [EntityLink] = []
    for pair in order {
      let count = (counts[pair] ?? 0) + 1
      links.append(contentsOf: repeatElement(pair, count: count / 2))
    }
    return links
  }

  /// Writes `documents` as `split/annotations/<id>.json`. Images are not written here; the page
  /// size is stored in `image_size` so the reader works without them.
  public static func write(_ documents: [Document], split: URL) throws {
    let annotations = split.appendingPathComponent("annotations")
    for document in documents {
      try writeFile(
        try annotationJSON(document),
        to: annotations.appendingPathComponent(document.id + ".json"))
    }
  }

  /// The FUNSD JSON of one document.
  public static func annotationJSON(_ document: Document) throws -> Data {
    var form: [[String: Any]] = []
    for entity in document.entities {
      var words: [[String: Any]] = []
      for index in entity.wordIndices {
        guard document.words.indices.contains(index) else {
          throw DataFormatError(
            file: document.id, entry: "entity \(entity.id) word index \(index)",
            expected: "an index below \(document.words.count)")
        }
        let word = document.words[index]
        words.append(["text": word.text, "box": boxJSON(word.box)])
      }
      // Each link is listed on both of its entities, as in the official files.
      var linking: [[Int]] = []
      for link in document.links {
        if link.from == entity.id { linking.append([link.from, link.to]) }
        if link.to == entity.id { linking.append([link.from, link.to]) }
      }
      var item: [String: Any] = [
        "id": entity.id, "label": entity.label, "box": boxJSON(entity.box),
        "text": entity.wordIndices.map { document.words[$0].text }.joined(separator: " "),
        "words": words, "linking": linking,
      ]
      if let cue = entity.cue { item["cue"] = cue }
      form.append(item)
    }
    let root: [String: Any] = [
      "form": form, "image_size": ["width": document.pageWidth, "height": document.pageHeight],
    ]
    return try serializeJSON(root)
  }

  static func boxJSON(_ box: BoundingBox) -> [Any] {
    [jsonNumber(box.x0), jsonNumber(box.y0), jsonNumber(box.x1), jsonNumber(box.y1)]
  }
}
