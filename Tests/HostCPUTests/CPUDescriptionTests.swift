import HostCPU
import XCTest

final class CPUDescriptionTests: XCTestCase {
  func testParsesAnX86CPUInfo() {
    let text = """
      processor\t: 0
      vendor_id\t: AuthenticAMD
      model name\t: AMD EPYC 7B12
      flags\t\t: fpu sse4_2 avx avx2 fma bmi2

      processor\t: 1
      model name\t: second processor ignored
      flags\t\t: fpu
      """
    let cpu = CPUDescription(cpuinfo: text, cores: 2)
    XCTAssertEqual(cpu.modelName, "AMD EPYC 7B12")
    XCTAssertEqual(cpu.flags, ["fpu", "sse4_2", "avx", "avx2", "fma", "bmi2"])
    XCTAssertEqual(cpu.simdFeatures, ["sse4_2", "avx", "avx2", "fma"])
    XCTAssertEqual(cpu.cores, 2)
  }

  func testParsesAnArm64CPUInfo() {
    let text = """
      processor\t: 0
      BogoMIPS\t: 48.00
      Features\t: fp asimd evtstrm aes crc32 asimdhp
      CPU implementer\t: 0x41
      """
    let cpu = CPUDescription(cpuinfo: text, cores: 4)
    XCTAssertEqual(cpu.flags, ["fp", "asimd", "evtstrm", "aes", "crc32", "asimdhp"])
    XCTAssertEqual(cpu.simdFeatures, ["asimd", "asimdhp"])
    XCTAssertEqual(cpu.modelName, CPUDescription.architecture, "no model line: the architecture")
  }

  func testTheCurrentCPUHasAName() {
    let cpu = CPUDescription.current()
    XCTAssertFalse(cpu.modelName.isEmpty)
    XCTAssertGreaterThan(cpu.cores, 0)
  }
}
