#include <QTest>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/data/augment.h"
#include "core/data/image_dataset.h"
#include "core/data/loader.h"
#include "core/data/resize.h"
#include "core/input_error.h"
#include "data_test_files.h"
#include "loader_test_data.h"
#include "test_registry.h"

using namespace isl::data;
using namespace isl::test;

namespace {

// Options that leave the image untouched except for the crop: no jitter, no grey, and
// normalisation to plain x / 255.
AugmentOptions plain_options() {
  AugmentOptions o;
  o.brightness = o.contrast = o.saturation = o.hue = 0;
  o.grayscale_probability = 0;
  o.mean = {0, 0, 0};
  o.std_dev = {1, 1, 1};
  return o;
}

std::vector<float> augmented(const std::vector<uint8_t>& image, int side, int out, const AugmentOptions& o,
                             uint64_t seed) {
  std::vector<float> result(size_t(3) * out * out);
  std::mt19937_64 rng(seed);
  augment_image(image.data(), side, side, out, o, rng, result.data());
  return result;
}

// Ten 4x4 images of value index that count how often they are read; image `unreadable`
// cannot be read, as an undecodable file in an image folder.
class PlainDataset final : public ImageDataset {
 public:
  explicit PlainDataset(int64_t unreadable = -1) : unreadable_(unreadable) {}
  int64_t size() const override { return 10; }
  int label(int64_t) const override { return 0; }
  int num_classes() const override { return 1; }
  ImageShape shape() const override { return {4, 4, 3}; }
  void read(int64_t index, uint8_t* out) const override {
    if (index == unreadable_) throw isl::InputError(std::to_string(index) + ".png", "cannot be decoded as an image");
    std::fill(out, out + 48, uint8_t(index));
    ++reads;
  }
  std::string source() const override { return "plain"; }
  mutable std::atomic<int> reads{0};

 private:
  int64_t unreadable_;
};

}  // namespace

class TestAugment : public QObject {
  Q_OBJECT
 private slots:
  void evaluation_normalises_with_the_channel_statistics() {
    // 2x2 image; pixel (0, 1) is RGB (200, 100, 50). Red: (200/255 - 0.4914) / 0.2470 = 1.18589.
    std::vector<uint8_t> image(12, 0);
    image[3] = 200, image[4] = 100, image[5] = 50;
    std::vector<float> out(12);
    evaluation_image(image.data(), 2, 2, 2, AugmentOptions{}, out.data());
    QVERIFY(std::abs(out[0 * 4 + 1] - 1.18589f) < 1e-4f);
    QVERIFY(std::abs(out[1 * 4 + 1] - (100 / 255.0f - 0.4822f) / 0.2435f) < 1e-6f);  // -0.37426
    QVERIFY(std::abs(out[2 * 4 + 1] - (-0.95727f)) < 1e-4f);  // (50/255 - 0.4465) / 0.2616
    QVERIFY(std::abs(out[0] - (-0.4914f / 0.2470f)) < 1e-6f);
  }

  void evaluation_resizes_when_needed() {
    std::vector<uint8_t> image(4 * 4 * 3, 51);  // 51 / 255 = 0.2 everywhere
    std::vector<float> out(3 * 8 * 8);
    evaluation_image(image.data(), 4, 4, 8, plain_options(), out.data());
    for (float v : out) QVERIFY(std::abs(v - 0.2f) < 1e-6f);
  }

  void resize_matches_torchvision_bilinear() {
    // Upscaling 2 -> 4 is half-pixel-centre bilinear: 0, 25, 75, 100.
    const uint8_t two[2] = {0, 100};
    uint8_t four[4];
    resize_bilinear(two, 1, 2, 2, 1, four, 1, 4);
    QCOMPARE(std::vector<int>(four, four + 4), (std::vector<int>{0, 25, 75, 100}));
    // Downscaling 4 -> 2 widens the triangle to 2 pixels: output 0 has centre 1.0 and weights
    // 0.75, 0.75, 0.25 on inputs 0..2, so (0.75 * 100 + 0.25 * 200) / 1.75 = 71.4 -> 71.
    const uint8_t wide[4] = {0, 100, 200, 255};
    uint8_t narrow[2];
    resize_bilinear(wide, 1, 4, 4, 1, narrow, 1, 2);
    QCOMPARE(int(narrow[0]), 71);
  }

  void full_crop_reproduces_the_image() {
    AugmentOptions o = plain_options();
    o.min_scale = o.max_scale = 1;
    o.min_ratio = o.max_ratio = 1;
    const std::vector<uint8_t> image = pattern(8, 1);
    const std::vector<float> out = augmented(image, 8, 8, o, 5);
    for (size_t i = 0; i < 64; ++i) {
      for (size_t c = 0; c < 3; ++c) QCOMPARE(out[c * 64 + i], image[i * 3 + c] / 255.0f);
    }
  }

  void grayscale_gives_equal_channels() {
    AugmentOptions o = AugmentOptions{};
    o.grayscale_probability = 1;
    o.mean = {0, 0, 0};
    o.std_dev = {1, 1, 1};
    const std::vector<float> out = augmented(pattern(8, 2), 8, 8, o, 9);
    for (size_t i = 0; i < 64; ++i) {
      QCOMPARE(out[64 + i], out[i]);
      QCOMPARE(out[128 + i], out[i]);
    }
  }

  void hue_keeps_a_saturated_colour_saturated() {
    // Pure red has v = 1, s = 1: any hue shift leaves one channel at 255 and one at 0.
    AugmentOptions o = plain_options();
    o.min_scale = o.max_scale = 1;
    o.min_ratio = o.max_ratio = 1;
    o.hue = 0.4;
    std::vector<uint8_t> red(2 * 2 * 3, 0);
    for (size_t i = 0; i < red.size(); i += 3) red[i] = 255;
    for (uint64_t seed = 0; seed < 20; ++seed) {
      const std::vector<float> out = augmented(red, 2, 2, o, seed);
      const float a = out[0], b = out[4], c = out[8];
      QCOMPARE(std::max({a, b, c}), 1.0f);
      QCOMPARE(std::min({a, b, c}), 0.0f);
    }
  }

  void crop_box_follows_torchvision() {
    AugmentOptions o;
    o.crop_attempts = 0;  // straight to the fallback: a 10x40 image is wider than 4/3
    std::mt19937_64 rng(1);
    const CropBox centre = random_resized_crop_box(10, 40, o, rng);
    QCOMPARE(centre.height, 10);
    QCOMPARE(centre.width, 13);  // round(10 * 4/3)
    QCOMPARE(centre.top, 0);
    QCOMPARE(centre.left, 13);  // (40 - 13) / 2
    o = AugmentOptions{};
    for (int i = 0; i < 200; ++i) {
      const CropBox box = random_resized_crop_box(32, 32, o, rng);
      QVERIFY(box.top >= 0 && box.left >= 0 && box.top + box.height <= 32 && box.left + box.width <= 32);
      const double ratio = double(box.width) / box.height;
      QVERIFY(ratio > 0.6 && ratio < 1.6);                          // 3/4..4/3 up to rounding
      QVERIFY(box.width * box.height >= 0.15 * 1024);              // scale 0.2 up to rounding
    }
  }

  void same_seed_same_output() {
    const std::vector<uint8_t> image = pattern(16, 3);
    const AugmentOptions o;
    QCOMPARE(augmented(image, 16, 16, o, 42), augmented(image, 16, 16, o, 42));
    QVERIFY(augmented(image, 16, 16, o, 42) != augmented(image, 16, 16, o, 43));
  }
};

class TestDatasetKind : public QObject {
  Q_OBJECT
 private slots:
  void names_round_trip() {
    for (DatasetKind kind : {DatasetKind::Mnist, DatasetKind::Cifar10, DatasetKind::Cifar100, DatasetKind::Svhn,
                             DatasetKind::Folder}) {
      QCOMPARE(dataset_kind_from_string(to_string(kind)), kind);
    }
    QCOMPARE(to_string(DatasetKind::Cifar100), std::string("cifar100"));
    isl::test::expect_input_error([] { dataset_kind_from_string("imagenet"); }, "imagenet", "unknown");
  }
};

class TestPrefetchLoader : public QObject {
  Q_OBJECT
 private slots:
  void shuffled_epoch_holds_every_index_once() {
    LoaderOptions o = loader_options(2);
    o.augment = false;
    o.augment_options = plain_options();
    PrefetchLoader loader(ten_images(), o);
    QCOMPARE(loader.batches_per_epoch(), 4);
    loader.start_epoch(1);
    const std::vector<Batch> batches = drain(loader);
    QCOMPARE(batches.size(), size_t(4));
    QCOMPARE(batches[3].size(), 1);
    std::vector<int64_t> seen;
    for (const Batch& batch : batches) {
      QCOMPARE(batch.image_size, 4);
      QCOMPARE(batch.images.size(), size_t(batch.size() * 48));
      for (int64_t i = 0; i < batch.size(); ++i) {
        const int64_t index = batch.indices[size_t(i)];
        seen.push_back(index);
        QCOMPARE(batch.labels[size_t(i)], int(index % 3));
        // Red of pixel 0 is byte 0 of pattern(4, index); green of pixel 0 is byte 1.
        QCOMPARE(batch.images[size_t(i) * 48], float((index * 37) % 256) / 255.0f);
        QCOMPARE(batch.images[size_t(i) * 48 + 16], float((index * 37 + 11) % 256) / 255.0f);
      }
    }
    std::vector<int64_t> sorted = seen;
    std::sort(sorted.begin(), sorted.end());
    for (int64_t i = 0; i < 10; ++i) QCOMPARE(sorted[size_t(i)], i);
    QVERIFY(seen != sorted);  // shuffled
    loader.start_epoch(2);
    std::vector<int64_t> other;
    for (const Batch& batch : drain(loader)) other.insert(other.end(), batch.indices.begin(), batch.indices.end());
    QVERIFY(other != seen);
    QVERIFY(!loader.next().has_value());
  }

  void workers_run_at_a_lower_priority_than_training() {
    // Threads of this process by nice value, from /proc/self/task/*/stat (field 19).
    auto threads_with_nice = [](int nice) {
      int count = 0;
      for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
        std::ifstream in(task.path() / "stat");
        const std::string stat((std::istreambuf_iterator<char>(in)), {});
        std::istringstream fields(stat.substr(stat.rfind(')') + 2));  // after "pid (name) "
        std::string field;
        for (int i = 3; i <= 19; ++i) fields >> field;
        count += std::stoi(field) == nice;
      }
      return count;
    };
    // A joined thread of an earlier test's loader can stay listed for a moment.
    QTRY_COMPARE(threads_with_nice(10), 0);
    PrefetchLoader loader(ten_images(), loader_options(3));
    QTRY_COMPARE(threads_with_nice(10), 3);
    QVERIFY(threads_with_nice(0) > 0);  // this thread keeps its priority
  }

  void batches_do_not_depend_on_worker_count() {
    PrefetchLoader one(ten_images(), loader_options(1));
    PrefetchLoader three(ten_images(), loader_options(3));
    one.start_epoch(77);
    three.start_epoch(77);
    const std::vector<Batch> a = drain(one), b = drain(three);
    QCOMPARE(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      QCOMPARE(a[i].indices, b[i].indices);
      QCOMPARE(a[i].labels, b[i].labels);
      QVERIFY(a[i].images == b[i].images);  // bit-identical floats
    }
  }

  // The shards of a distributed run are the one-process batch, row for row: the same images,
  // augmented the same way, for 2 and 3 ranks, the short last batch included.
  void shards_together_are_the_whole_batch() {
    PrefetchLoader whole(ten_images(), loader_options(2));
    whole.start_epoch(41);
    const std::vector<Batch> expected = drain(whole);
    for (int ranks : {2, 3}) {
      std::vector<std::vector<Batch>> shards;
      for (int rank = 0; rank < ranks; ++rank) {
        LoaderOptions o = loader_options(2);
        o.shard = {rank, ranks};
        PrefetchLoader loader(ten_images(), o);
        QCOMPARE(loader.batches_per_epoch(), whole.batches_per_epoch());
        loader.start_epoch(41);
        shards.push_back(drain(loader));
      }
      for (size_t b = 0; b < expected.size(); ++b) {
        Batch joined;
        for (const auto& shard : shards) {
          QCOMPARE(shard[b].global_size, expected[b].size());
          joined.indices.insert(joined.indices.end(), shard[b].indices.begin(), shard[b].indices.end());
          joined.images.insert(joined.images.end(), shard[b].images.begin(), shard[b].images.end());
        }
        QCOMPARE(joined.indices, expected[b].indices);
        QVERIFY(joined.images == expected[b].images);  // bit-identical floats
      }
    }
  }

  void first_batch_resumes_mid_epoch() {
    PrefetchLoader loader(ten_images(), loader_options(2));
    loader.start_epoch(5);
    const std::vector<Batch> full = drain(loader);
    loader.start_epoch(5, 2);
    const std::vector<Batch> resumed = drain(loader);
    QCOMPARE(resumed.size(), size_t(2));
    QCOMPARE(resumed[0].indices, full[2].indices);
    QVERIFY(resumed[0].images == full[2].images);
    QCOMPARE(resumed[1].indices, full[3].indices);
  }

  void restarting_abandons_the_previous_epoch() {
    PrefetchLoader loader(ten_images(), loader_options(3));
    loader.start_epoch(5);
    const Batch first = *loader.next();
    loader.start_epoch(6);
    loader.start_epoch(5);
    const std::vector<Batch> again = drain(loader);
    QCOMPARE(again.size(), size_t(4));
    QCOMPARE(again[0].indices, first.indices);
    QVERIFY(again[0].images == first.images);
  }

  void drop_last_leaves_out_the_short_batch() {
    LoaderOptions o = loader_options(2);
    o.drop_last = true;
    PrefetchLoader loader(ten_images(), o);
    QCOMPARE(loader.batches_per_epoch(), 3);
    loader.start_epoch(3);
    const std::vector<Batch> batches = drain(loader);
    QCOMPARE(batches.size(), size_t(3));
    for (const Batch& batch : batches) QCOMPARE(batch.size(), 3);
  }

  void read_errors_reach_the_consumer() {
    LoaderOptions o = loader_options(2);
    o.shuffle = false;  // index 7 is in batch 2
    PrefetchLoader loader(std::make_shared<PlainDataset>(7), o);
    loader.start_epoch(0);
    QVERIFY(loader.next().has_value());
    QVERIFY(loader.next().has_value());
    isl::test::expect_input_error([&] { loader.next(); }, "7.png", "decoded");
    QVERIFY(!loader.next().has_value());
  }

  void rejects_impossible_options() {
    LoaderOptions o = loader_options(0);
    isl::test::expect_input_error([&] { PrefetchLoader loader(ten_images(), o); }, "workers", "at least 1");
  }

  void waits_until_the_prefetch_window_is_prepared() {
    auto dataset = std::make_shared<PlainDataset>();
    PrefetchLoader loader(dataset, loader_options(2));  // batches of 3, two ahead
    loader.start_epoch(1);
    loader.wait_until_prefetched();
    QCOMPARE(dataset->reads.load(), 6);
    loader.next();
    loader.next();
    loader.next();
    loader.wait_until_prefetched();  // only the short last batch is left
    QCOMPARE(dataset->reads.load(), 10);
  }
};

ISL_REGISTER_TEST(TestAugment);
ISL_REGISTER_TEST(TestDatasetKind);
ISL_REGISTER_TEST(TestPrefetchLoader);

#include "test_augment_loader.moc"
