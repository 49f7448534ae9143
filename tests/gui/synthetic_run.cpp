#include "synthetic_run.h"

#include <cmath>
#include <filesystem>

#include "core/run/config.h"
#include "core/run/run_files.h"

namespace isl::test {

Snapshot synthetic_snapshot(int64_t images, int classes, int positives, int wrong, int proxies, int global_epoch) {
  Snapshot s;
  s.round = 1;
  s.stage = Stage::Backbone;
  s.epoch = global_epoch;
  s.global_epoch = global_epoch;
  s.images = images;
  s.num_classes = classes;
  for (int64_t i = 0; i < images; ++i) {
    const int label = int(i % classes);
    s.labels.push_back(label);
    const double angle = 2 * M_PI * label / classes;
    const double spread = 0.15 * std::sin(double(i) * 12.9898);
    const double lift = 0.15 * std::cos(double(i) * 78.233);
    s.points.push_back(float(std::cos(angle) + spread));
    s.points.push_back(float(std::sin(angle) + lift));
    s.points.push_back(float(0.3 * std::sin(double(i) * 3.1)));
  }
  for (SetRows* rows : {&s.positives, &s.euclidean}) {
    rows->offsets.push_back(0);
    for (int64_t i = 0; i < images; ++i) {
      rows->members.push_back(i);
      rows->rounds.push_back(-1);
      for (int k = 1; k <= positives; ++k) {
        const int64_t step = k <= wrong ? 1 : classes;  // +1 changes the label, +classes keeps it
        rows->members.push_back((i + step * k) % images);
        rows->rounds.push_back(int16_t(k % 2));
      }
      rows->offsets.push_back(int64_t(rows->members.size()));
    }
  }
  for (int p = 0; p < proxies && p < images; ++p) {
    s.proxy_anchors.push_back(p);
    for (int d = 0; d < 3; ++d) s.proxy_points.push_back(s.points[size_t(3 * p + d)] * 1.1f);
    s.proxy_confidence.push_back(float(p + 1) / float(proxies + 1));
  }
  // Before any pair is mined the precision has nothing to average: NaN, stored as null.
  s.metrics = {{"knn_top1", 0.5}, {"precision_isl", std::nan("")}};
  return s;
}

void write_synthetic_run(const std::string& directory, int64_t images, int epochs) {
  std::filesystem::create_directories(run_files::snapshot_directory(directory));
  Config config;
  config.max_train_images = images;
  write_file_atomically(run_files::config_path(directory), to_json_text(config));
  std::string metrics;
  for (int e = 0; e < epochs; ++e) {
    MetricsRecord record;
    record.kind = "eval";
    record.epoch = e;
    record.global_epoch = e + 1;
    record.seconds = 10.0 * (e + 1);
    record.values = {{"knn_top1", 0.3 + 0.05 * e}, {"loss", 5.0 - 0.3 * e},
                     {"precision_isl_at_2", 0.6 + 0.02 * e}, {"precision_euclidean_at_2", 0.5 + 0.01 * e}};
    metrics += record.to_json() + "\n";
    write_snapshot_file(run_files::snapshot_path(directory, e), synthetic_snapshot(images, 10, 4, 1, 8, e + 1));
  }
  write_file_atomically(run_files::metrics_path(directory), metrics);
}

std::shared_ptr<const data::ImageDataset> synthetic_dataset(int64_t images, int classes) {
  const data::ImageShape shape{8, 8, 3};
  std::vector<uint8_t> pixels(size_t(images * shape.bytes()));
  std::vector<int> labels;
  for (int64_t i = 0; i < images; ++i) {
    labels.push_back(int(i % classes));
    for (int64_t b = 0; b < shape.bytes(); ++b) pixels[size_t(i * shape.bytes() + b)] = uint8_t((i * 7 + b) % 256);
  }
  return std::make_shared<data::InMemoryDataset>("synthetic", shape, std::move(pixels), std::move(labels), classes);
}

}  // namespace isl::test
