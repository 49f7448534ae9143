#include "widgets/anchor_inspector.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <map>

#include "widgets/point_colors.h"
#include "widgets/thumbnail_source.h"

namespace isl::gui {

namespace {
constexpr int kTileSide = 56;
constexpr int kAnchorSide = 112;
constexpr int kColumns = 4;  // per group; two groups side by side
constexpr int kMostShown = 100;  // per column; very large sets are summarised
}  // namespace

AnchorInspector::AnchorInspector(ThumbnailSource* thumbnails, QWidget* parent)
    : QWidget(parent), thumbnails_(thumbnails) {
  index_label_ = new QLabel(this);
  index_box_ = new QSpinBox(this);
  index_box_->setObjectName("anchorIndex");
  index_box_->setRange(-1, 0);
  index_box_->setMinimumWidth(90);
  index_box_->setSpecialValueText("-");
  index_box_->setKeyboardTracking(false);
  connect(index_box_, &QSpinBox::valueChanged, this, [this](int value) {
    if (value >= 0 && value != anchor_) emit anchorRequested(value);
  });
  next_button_ = new QToolButton(this);
  next_button_->setObjectName("nextAnchor");
  next_button_->setIcon(QIcon(":/icons/next-anchor.svg"));
  next_button_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  connect(next_button_, &QToolButton::clicked, this, &AnchorInspector::nextAnchorWithPositives);

  auto* search = new QHBoxLayout;
  search->addWidget(index_label_);
  search->addWidget(index_box_);
  search->addWidget(next_button_);
  search->addStretch(1);

  anchor_image_ = new QLabel(this);
  anchor_image_->setFixedSize(kAnchorSide + 6, kAnchorSide + 6);
  anchor_image_->setAlignment(Qt::AlignCenter);
  anchor_image_->setStyleSheet("QLabel { border: 3px solid white; background: #2a2d33; }");
  anchor_text_ = new QLabel(this);
  anchor_text_->setObjectName("anchorText");
  anchor_text_->setWordWrap(true);
  anchor_text_->setTextFormat(Qt::RichText);
  auto* head = new QHBoxLayout;
  head->addWidget(anchor_image_);
  head->addWidget(anchor_text_, 1);

  scroll_ = new QScrollArea(this);
  scroll_->setWidgetResizable(true);
  scroll_->setFrameShape(QFrame::NoFrame);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(search);
  layout->addLayout(head);
  layout->addWidget(scroll_, 1);
  retranslate();
  rebuild();
}

QSize AnchorInspector::sizeHint() const {
  // A tile is the framed thumbnail plus the tool button's padding; then the gap between the
  // groups, the layout margins and the scroll bar.
  const int tile = kTileSide + 6 + 8;
  const int width = 2 * kColumns * tile + 12 + 2 * 2 * 9 + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 24;
  return {width, 600};
}

void AnchorInspector::retranslate() {
  index_label_->setText(tr("Anchor"));
  index_box_->setToolTip(tr("Index of the training image to inspect"));
  next_button_->setText(tr("Next with positives"));
  next_button_->setToolTip(tr("Jump to the next image whose positive set holds more than itself"));
}

void AnchorInspector::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslate();
    rebuild();
  }
  QWidget::changeEvent(event);
}

void AnchorInspector::setSnapshot(SnapshotPtr snapshot) {
  snapshot_ = std::move(snapshot);
  if (snapshot_ && anchor_ >= snapshot_->images) anchor_ = -1;
  {
    // Without an anchor the box shows "-", not a 0 that looks like a selected image.
    const QSignalBlocker block(index_box_);
    index_box_->setRange(-1, snapshot_ ? int(snapshot_->images) - 1 : 0);
    index_box_->setValue(int(anchor_));
  }
  rebuild();
}

void AnchorInspector::setAnchor(qint64 anchor) {
  anchor_ = anchor;
  const QSignalBlocker block(index_box_);
  index_box_->setValue(int(anchor));
  rebuild();
}

void AnchorInspector::refreshImages() { rebuild(); }

void AnchorInspector::nextAnchorWithPositives() {
  if (!snapshot_ || snapshot_->images == 0) return;
  const int64_t n = snapshot_->images;
  for (int64_t step = 1; step <= n; ++step) {
    const int64_t candidate = (std::max<int64_t>(anchor_, -1) + step) % n;
    if (snapshot_->positives.size(candidate) > 1) {
      emit anchorRequested(candidate);
      return;
    }
  }
}

QWidget* AnchorInspector::tile(int64_t index, bool match, int side) {
  QPixmap framed(side + 6, side + 6);
  framed.fill(match ? kMatchColor : kMismatchColor);
  {
    QPainter painter(&framed);
    painter.drawPixmap(3, 3, thumbnails_->thumbnail(index, side));
  }
  auto* button = new QToolButton;
  button->setObjectName("thumbnail");
  button->setProperty("imageIndex", qlonglong(index));
  button->setIcon(framed);
  button->setIconSize(framed.size());
  button->setAutoRaise(true);
  button->setToolTip(tr("Image %1, label %2. Click to make it the anchor.").arg(index).arg(snapshot_->labels[size_t(index)]));
  connect(button, &QToolButton::clicked, this, [this, index] { emit anchorRequested(index); });
  return button;
}

// Adds a titled grid of thumbnails; returns how many were drawn.
int AnchorInspector::addGroup(QVBoxLayout* column, const QString& title, const std::vector<int64_t>& indices,
                              int anchor_label) {
  int matches = 0;
  for (int64_t i : indices) matches += snapshot_->labels[size_t(i)] == anchor_label;
  auto* heading = new QLabel(tr("<b>%1</b> &nbsp; %2 of %3 share the anchor's label").arg(title).arg(matches).arg(indices.size()));
  column->addWidget(heading);
  auto* grid = new QGridLayout;
  grid->setSpacing(2);
  grid->setColumnStretch(kColumns, 1);  // keep thumbnails packed to the left
  const int shown = std::min<int>(int(indices.size()), kMostShown);
  for (int k = 0; k < shown; ++k)
    grid->addWidget(tile(indices[size_t(k)], snapshot_->labels[size_t(indices[size_t(k)])] == anchor_label, kTileSide),
                    k / kColumns, k % kColumns);
  column->addLayout(grid);
  if (shown < int(indices.size())) column->addWidget(new QLabel(tr("… and %n more", nullptr, int(indices.size()) - shown)));
  return shown;
}

void AnchorInspector::rebuild() {
  positive_count_ = neighbour_count_ = 0;
  auto* content = new QWidget;
  auto* columns = new QHBoxLayout(content);
  if (!snapshot_ || anchor_ < 0) {
    anchor_image_->clear();
    anchor_text_->setText(snapshot_ ? tr("Click a point in the 3D view, or type an index, to inspect an anchor.")
                                    : tr("No snapshot yet."));
    columns->addWidget(new QLabel);
    scroll_->setWidget(content);
    return;
  }
  const Snapshot& s = *snapshot_;
  const int label = s.labels[size_t(anchor_)];
  anchor_image_->setPixmap(thumbnails_->thumbnail(anchor_, kAnchorSide));
  // Positives grouped by the round that added them; the anchor itself (round -1) is left out.
  std::map<int, std::vector<int64_t>> by_round;
  std::vector<int64_t> neighbours;
  for (int64_t k = s.positives.offsets[size_t(anchor_)]; k < s.positives.offsets[size_t(anchor_) + 1]; ++k)
    if (s.positives.members[size_t(k)] != anchor_) by_round[s.positives.rounds[size_t(k)]].push_back(s.positives.members[size_t(k)]);
  for (int64_t k = s.euclidean.offsets[size_t(anchor_)]; k < s.euclidean.offsets[size_t(anchor_) + 1]; ++k)
    if (s.euclidean.members[size_t(k)] != anchor_) neighbours.push_back(s.euclidean.members[size_t(k)]);
  int64_t total = 0;
  for (const auto& [round, members] : by_round) total += int64_t(members.size());
  anchor_text_->setText(tr("<b>Image %1</b><br>label %2 (evaluation aid only)<br>%n mined positives", nullptr, int(total))
                            .arg(anchor_).arg(label));

  auto* isl_column = new QVBoxLayout;
  isl_column->addWidget(new QLabel(tr("<h3>ISL positive set</h3>")));
  if (by_round.empty()) isl_column->addWidget(new QLabel(tr("No positives mined yet.")));
  for (const auto& [round, members] : by_round)
    positive_count_ += addGroup(isl_column, tr("Round %1").arg(round + 1), members, label);
  isl_column->addStretch(1);
  auto* euclidean_column = new QVBoxLayout;
  euclidean_column->addWidget(new QLabel(tr("<h3>Euclidean neighbours</h3>")));
  if (!neighbours.empty())
    neighbour_count_ = addGroup(euclidean_column, tr("Nearest"), neighbours, label);
  else if (total > 0) {
    // Snapshots hold the Euclidean sets of a sample of the anchors only (at most 4,096).
    auto* unsampled = new QLabel(tr("Not among the anchors sampled for the Euclidean comparison in this snapshot."));
    unsampled->setWordWrap(true);
    euclidean_column->addWidget(unsampled);
  }
  euclidean_column->addStretch(1);
  columns->addLayout(isl_column, 1);
  columns->addSpacing(12);
  columns->addLayout(euclidean_column, 1);
  scroll_->setWidget(content);
}

}  // namespace isl::gui
