#include "widgets/metatypes.h"

namespace isl::gui {
void register_metatypes() {
  qRegisterMetaType<isl::Progress>();
  qRegisterMetaType<isl::MetricsRecord>();
  qRegisterMetaType<isl::SnapshotPtr>();
  qRegisterMetaType<isl::AnchorProxiesPtr>();
  qRegisterMetaType<isl::RunState>();
  qRegisterMetaType<isl::LogLevel>();
  qRegisterMetaType<isl::Config>();
}
}  // namespace isl::gui
