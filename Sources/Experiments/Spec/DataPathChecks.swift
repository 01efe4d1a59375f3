// LayoutLab — a spec's data paths, checked before any training.

import Foundation
import Tasks

/// Checks that every path the data settings name exists; throws before any training.
func checkDataPaths(_ data: DataSettings, file: String, path: String) throws {
  if data.source == .funsd, let root = data.root {
    let training = URL(fileURLWithPath: root).appendingPathComponent("training_data")
    if !FileManager.default.fileExists(atPath: training.path) {
      throw SpecError.missingPath(file: file, path: path + ".data.root", filePath: training.path)
    }
  }
  if data.source == .rvlcdip {
    try checkRVLCDIPPaths(data, file: file, path: path)
  }
  if data.source == .docvqa, let root = data.root,
    !FileManager.default.fileExists(atPath: root)
  {
    throw SpecError.missingPath(file: file, path: path + ".data.root", filePath: root)
  }
  if let ocr = data.ocr, !FileManager.default.fileExists(atPath: ocr) {
    throw SpecError.missingPath(file: file, path: path + ".data.ocr", filePath: ocr)
  }
  if let test = data.test, !FileManager.default.fileExists(atPath: test) {
    throw SpecError.missingPath(file: file, path: path + ".data.test", filePath: test)
  }
  if data.vocabulary != DataSettings.buildVocabulary,
    !FileManager.default.fileExists(atPath: data.vocabulary)
  {
    throw SpecError.missingPath(
      file: file, path: path + ".data.vocabulary", filePath: data.vocabulary)
  }
}

/// Checks an `rvlcdip` source's paths before any training: `data.root` holds `train.txt`
/// (under `labels/` or at the root) and `data.ocr`, when set, is a folder.
func checkRVLCDIPPaths(_ data: DataSettings, file: String, path: String) throws {
  let root = URL(fileURLWithPath: data.root ?? "")
  if rvlcdipLabelList(root: root, name: "train.txt") == nil {
    throw SpecError.missingPath(
      file: file, path: path + ".data.root",
      filePath: root.appendingPathComponent("labels/train.txt").path + " (or "
        + root.appendingPathComponent("train.txt").path + ")")
  }
  var isDirectory: ObjCBool = false
  if let ocr = data.ocr,
    !FileManager.default.fileExists(atPath: ocr, isDirectory: &isDirectory)
      || !isDirectory.boolValue
  {
    throw SpecError.missingPath(file: file, path: path + ".data.ocr", filePath: ocr)
  }
}
