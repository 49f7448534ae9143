#include "core/run/experiment.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>

#include "core/input_error.h"
#include "core/run/json_numbers.h"
#include "core/run/run_files.h"
#include "core/run/run_info.h"

namespace isl {

namespace {

const char* const kMethods[] = {"isl", "instance", "euclidean"};

bool is_method(const std::string& name) {
  for (const char* method : kMethods)
    if (name == method) return true;
  return false;
}

// Applies a JSON object of settings over `base` (config.json's keys and checks).
Config with_settings(const Config& base, const nlohmann::json& settings, const std::string& subject) {
  if (!settings.is_object()) throw InputError(subject, "must be an object of settings");
  return config_from_json_text(settings.dump(), subject, base);
}

std::optional<double> value_of(const MetricsRecord* record, const std::string& key) {
  if (!record) return std::nullopt;
  auto found = record->values.find(key);
  if (found == record->values.end() || !std::isfinite(found->second)) return std::nullopt;
  return found->second;
}

std::string number_text(const std::optional<double>& value) {
  if (!value) return "";
  std::ostringstream out;
  out.precision(6);
  out << *value;
  return out.str();
}

using Figure = std::optional<double> ExperimentResult::*;
const std::pair<const char*, Figure> kFigures[] = {{"knn_top1_final", &ExperimentResult::knn_final},
                                                   {"linear_top1", &ExperimentResult::linear_top1},
                                                   {"precision_isl", &ExperimentResult::precision_isl},
                                                   {"precision_euclidean", &ExperimentResult::precision_euclidean}};

}  // namespace

Experiment read_experiment(const std::string& file, const std::string& folder) {
  nlohmann::json description;
  try {
    description = nlohmann::json::parse(read_whole_file(file));
  } catch (const nlohmann::json::exception& error) {
    throw InputError(file, std::string("is not valid JSON (") + error.what() + ")");
  }
  if (!description.is_object()) throw InputError(file, "must hold a JSON object");
  for (const auto& [key, value] : description.items())
    if (key != "methods" && key != "seeds" && key != "settings" && key != "linear_probe")
      throw InputError(file, "has an unknown key '" + key + "' (allowed: methods, seeds, settings, linear_probe)");
  Experiment experiment;
  const Config shared = with_settings(Config{}, description.value("settings", nlohmann::json::object()), file + ": settings");
  if (description.contains("linear_probe")) {
    if (!description.at("linear_probe").is_boolean()) throw InputError(file, "'linear_probe' must be true or false");
    experiment.linear_probe = description.at("linear_probe").get<bool>();
  }
  if (!description.contains("seeds") || !description.at("seeds").is_array() || description.at("seeds").empty())
    throw InputError(file, "needs 'seeds', a list of at least one seed");
  for (const auto& seed : description.at("seeds")) {
    const auto value = json_whole_number<uint64_t>(seed, file, "seeds");
    if (std::find(experiment.seeds.begin(), experiment.seeds.end(), value) != experiment.seeds.end())
      throw InputError(file, "lists seed " + std::to_string(value) + " twice");
    experiment.seeds.push_back(value);
  }
  if (!description.contains("methods") || !description.at("methods").is_array() || description.at("methods").empty())
    throw InputError(file, "needs 'methods', a list of at least one method");

  std::vector<std::pair<std::string, Config>> methods;
  for (const auto& entry : description.at("methods")) {
    std::string label;
    Config config = shared;
    if (entry.is_string()) {
      label = entry.get<std::string>();
      if (!is_method(label))
        throw InputError(file, "names the method '" + label + "', which does not exist (isl, instance, euclidean); "
                               "give it as {\"name\": ..., \"settings\": {...}} to label a variant");
      config.method = label;
    } else if (entry.is_object() && entry.contains("name") && entry.at("name").is_string()) {
      label = entry.at("name").get<std::string>();
      for (const auto& [key, value] : entry.items())
        if (key != "name" && key != "settings")
          throw InputError(file, "method '" + label + "' has an unknown key '" + key + "' (allowed: name, settings)");
      const nlohmann::json settings = entry.value("settings", nlohmann::json::object());
      if (is_method(label) && !(settings.is_object() && settings.contains("method"))) config.method = label;
      config = with_settings(config, settings, file + ": method '" + label + "'");
    } else {
      throw InputError(file, "has a method that is neither a name nor an object with a \"name\"");
    }
    if (label.empty() || label.find_first_of("/\\ ,") != std::string::npos)
      throw InputError(file, "method name '" + label + "' must be non-empty, without spaces, commas or slashes (it names folders and CSV rows)");
    for (const auto& [other, unused] : methods)
      if (other == label) throw InputError(file, "lists the method '" + label + "' twice");
    methods.emplace_back(label, config);
    experiment.labels.push_back(label);
  }
  for (const auto& [label, config] : methods)
    for (uint64_t seed : experiment.seeds) {
      ExperimentRun run;
      run.label = label;
      run.seed = seed;
      run.config = config;
      run.config.seed = seed;
      validate(run.config, file + ": method '" + label + "'");
      run.directory = (std::filesystem::path(folder) / (label + "-seed" + std::to_string(seed))).string();
      experiment.runs.push_back(std::move(run));
    }
  return experiment;
}

std::string experiment_description_path(const std::string& folder) {
  return (std::filesystem::path(folder) / "experiment.json").string();
}

std::vector<ExperimentResult> read_experiment_results(const Experiment& experiment) {
  std::vector<ExperimentResult> results;
  for (const auto& run : experiment.runs) {
    ExperimentResult result;
    result.run = &run;
    const std::string metrics = run_files::metrics_path(run.directory);
    if (std::filesystem::exists(metrics)) {
      const auto records = read_metrics_file(metrics);
      const MetricsRecord* final_record = latest_record(records, "final");
      const MetricsRecord* evaluation = latest_record(records, "eval");
      result.finished = final_record != nullptr;
      result.knn_final = value_of(final_record, "knn_top1_final");
      result.linear_top1 = value_of(latest_record(records, "probe"), "linear_top1");
      result.precision_isl = value_of(evaluation, "precision_isl");
      result.precision_euclidean = value_of(evaluation, "precision_euclidean");
    }
    results.push_back(result);
  }
  return results;
}

std::optional<Spread> spread(const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  Spread s;
  s.count = int(values.size());
  for (double v : values) s.mean += v / s.count;
  if (s.count > 1) {
    double squares = 0;
    for (double v : values) squares += (v - s.mean) * (v - s.mean);
    s.deviation = std::sqrt(squares / (s.count - 1));
  }
  return s;
}

void write_experiment_summary(const Experiment& experiment, const std::vector<ExperimentResult>& results,
                              const std::string& path) {
  std::ostringstream out;
  out << "row,method,seed,finished";
  for (const auto& [name, figure] : kFigures) out << ',' << name;
  out << '\n';
  for (const auto& result : results) {
    out << "run," << result.run->label << ',' << result.run->seed << ',' << (result.finished ? 1 : 0);
    for (const auto& [name, figure] : kFigures) out << ',' << number_text(result.*figure);
    out << '\n';
  }
  // Per method over the seeds, then per method minus the first, seed by seed (the runs of one
  // seed differ only in the method, so the paired difference has the smaller spread).
  std::map<std::pair<std::string, uint64_t>, const ExperimentResult*> by_run;
  for (const auto& result : results) by_run[{result.run->label, result.run->seed}] = &result;
  for (const char* row : {"mean", "deviation"})
    for (const auto& label : experiment.labels) {
      out << row << ',' << label << ",,";
      for (const auto& [name, figure] : kFigures) {
        std::vector<double> values;
        for (uint64_t seed : experiment.seeds)
          if (auto value = by_run.at({label, seed})->*figure) values.push_back(*value);
        auto s = spread(values);
        out << ',' << (s ? number_text(std::string(row) == "mean" ? s->mean : s->deviation) : "");
      }
      out << '\n';
    }
  const std::string& first = experiment.labels.front();
  for (size_t m = 1; m < experiment.labels.size(); ++m)
    for (const char* row : {"paired_mean", "paired_deviation"}) {
      const std::string& label = experiment.labels[m];
      out << row << ',' << label << " - " << first << ",,";
      for (const auto& [name, figure] : kFigures) {
        std::vector<double> differences;
        for (uint64_t seed : experiment.seeds) {
          auto mine = by_run.at({label, seed})->*figure;
          auto theirs = by_run.at({first, seed})->*figure;
          if (mine && theirs) differences.push_back(*mine - *theirs);
        }
        auto s = spread(differences);
        out << ',' << (s ? number_text(std::string(row) == "paired_mean" ? s->mean : s->deviation) : "");
      }
      out << '\n';
    }
  write_file_atomically(path, out.str());
}

}  // namespace isl
