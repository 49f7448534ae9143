#pragma once
// The engine's plain event values travel between the training thread and the UI thread as
// queued signal arguments; Qt must know them as metatypes to copy them into the event queue.
#include <QMetaType>

#include "core/run/config.h"
#include "core/run/training_events.h"

Q_DECLARE_METATYPE(isl::Progress)
Q_DECLARE_METATYPE(isl::MetricsRecord)
Q_DECLARE_METATYPE(isl::SnapshotPtr)
Q_DECLARE_METATYPE(isl::AnchorProxiesPtr)
Q_DECLARE_METATYPE(isl::RunState)
Q_DECLARE_METATYPE(isl::LogLevel)
Q_DECLARE_METATYPE(isl::Config)
Q_DECLARE_METATYPE(std::vector<isl::MetricsRecord>)

namespace isl::gui {
// Call once before the first queued connection that carries these types.
void register_metatypes();
}  // namespace isl::gui
