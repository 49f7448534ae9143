#include "core/run/training_events.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

#include "core/input_error.h"
#include "core/run/json_numbers.h"

namespace isl {

namespace {
constexpr const char* kStageNames[] = {"backbone", "gan", "mining", "finished"};
constexpr const char* kRecordFields[] = {"kind", "round", "stage", "epoch", "global_epoch", "seconds"};
}  // namespace

std::string to_string(Stage stage) { return kStageNames[int(stage)]; }

Stage stage_from_string(const std::string& name) {
  for (int i = 0; i < 4; ++i)
    if (name == kStageNames[i]) return Stage(i);
  throw InputError("stage", "unknown stage '" + name + "'; allowed: backbone, gan, mining, finished");
}

std::string stage_figure_key(Stage stage) {
  switch (stage) {
    case Stage::Backbone: return "loss";
    case Stage::Gan: return "gan_generator";
    case Stage::Mining: return "proxy_confidence";
    case Stage::Finished: break;
  }
  return {};
}

std::string to_string(RunState state) {
  constexpr const char* names[] = {"idle", "running", "paused", "stopping", "finished", "failed"};
  return names[int(state)];
}

// Values that are not numbers (a precision with no anchor to average over) are written as null.
std::string MetricsRecord::to_json() const {
  nlohmann::ordered_json line = {{"kind", kind},   {"round", round},
                                 {"stage", to_string(stage)}, {"epoch", epoch},
                                 {"global_epoch", global_epoch}, {"seconds", seconds}};
  for (const auto& [key, value] : values) {
    if (std::isfinite(value)) line[key] = value;
    else line[key] = nullptr;
  }
  return line.dump();
}

MetricsRecord MetricsRecord::from_json(const std::string& text, const std::string& subject) {
  MetricsRecord record;
  try {
    auto line = nlohmann::json::parse(text);
    record.kind = line.at("kind").get<std::string>();
    record.round = json_whole_number<int>(line.at("round"), subject, "round");
    record.stage = stage_from_string(line.at("stage").get<std::string>());
    record.epoch = json_whole_number<int>(line.at("epoch"), subject, "epoch");
    record.global_epoch = json_whole_number<int>(line.at("global_epoch"), subject, "global_epoch");
    record.seconds = json_number(line.at("seconds"), subject, "seconds");
    for (const auto& [key, value] : line.items()) {
      if (std::find(std::begin(kRecordFields), std::end(kRecordFields), key) != std::end(kRecordFields)) continue;
      if (value.is_null()) record.values[key] = std::numeric_limits<double>::quiet_NaN();
      else if (value.is_number()) record.values[key] = value.get<double>();
      else throw InputError(subject, "'" + key + "' is not a number");
    }
  } catch (const nlohmann::json::exception& error) {
    throw InputError(subject, std::string("is not a valid metrics line (") + error.what() + ")");
  } catch (const InputError& error) {
    throw InputError(subject, error.problem());
  }
  return record;
}

}  // namespace isl
