// LayoutLab — refuses to start on a CPU without the instructions the numeric core was built for.

import Foundation
import HostCPU

/// Why this CPU cannot run this build's numeric core (with what to do), or nil when it can.
/// The check reads `/proc/cpuinfo` and runs before any kernel, so a build folder carried to
/// another machine gives this message instead of an illegal-instruction crash.
func missingCPUFeatures() -> String? {
  NumericBuild.incompatibility(with: CPUDescription.current())
}
