#include "widgets/view_legend.h"

#include <QLinearGradient>
#include <QPainter>

#include "widgets/point_colors.h"

namespace isl::gui {

namespace {
constexpr int kPad = 8;
constexpr int kSwatch = 10;
constexpr int kRampWidth = 140;
constexpr int kRampHeight = 10;
}  // namespace

ViewLegend::ViewLegend(QWidget* parent) : QWidget(parent) {
  setAttribute(Qt::WA_TransparentForMouseEvents);
}

void ViewLegend::showEntries(const QString& title, std::vector<Entry> entries) {
  title_ = title;
  entries_ = std::move(entries);
  ramp_ = false;
  fitSize();
}

void ViewLegend::showRamp(const QString& title, double low, double high) {
  title_ = title;
  entries_.clear();
  ramp_ = true;
  low_ = low;
  high_ = high;
  fitSize();
}

void ViewLegend::fitSize() {
  const QFontMetrics metrics(font());
  const int line = metrics.height();
  int width = metrics.horizontalAdvance(title_);
  int height = line;
  if (ramp_) {
    width = std::max(width, kRampWidth);
    height += kRampHeight + line + 6;
  } else {
    for (const auto& entry : entries_) width = std::max(width, kSwatch + 6 + metrics.horizontalAdvance(entry.text));
    height += int(entries_.size()) * line;
  }
  resize(width + 2 * kPad, height + 2 * kPad);
  update();
}

void ViewLegend::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(Qt::NoPen);
  painter.setBrush(QColor(20, 22, 27, 190));
  painter.drawRoundedRect(rect().adjusted(0, 0, -1, -1), 6, 6);
  const QFontMetrics metrics(font());
  const int line = metrics.height();
  int y = kPad;
  QFont bold = font();
  bold.setBold(true);
  painter.setFont(bold);
  painter.setPen(QColor(235, 237, 240));
  painter.drawText(QRect(kPad, y, width() - 2 * kPad, line), Qt::AlignLeft | Qt::AlignVCenter, title_);
  painter.setFont(font());
  y += line;
  if (ramp_) {
    QLinearGradient gradient(kPad, 0, kPad + kRampWidth, 0);
    for (int i = 0; i <= 8; ++i) gradient.setColorAt(i / 8.0, ramp_color(i / 8.0));
    painter.fillRect(QRect(kPad, y + 3, kRampWidth, kRampHeight), gradient);
    y += kRampHeight + 6;
    painter.drawText(QRect(kPad, y, kRampWidth, line), Qt::AlignLeft, QString::number(low_));
    painter.drawText(QRect(kPad, y, kRampWidth, line), Qt::AlignRight, QString::number(high_));
    return;
  }
  for (const auto& entry : entries_) {
    painter.setPen(Qt::NoPen);
    painter.setBrush(entry.color);
    painter.drawEllipse(QRect(kPad, y + (line - kSwatch) / 2, kSwatch, kSwatch));
    painter.setPen(QColor(225, 228, 232));
    painter.drawText(QRect(kPad + kSwatch + 6, y, width(), line), Qt::AlignLeft | Qt::AlignVCenter, entry.text);
    y += line;
  }
}

}  // namespace isl::gui
