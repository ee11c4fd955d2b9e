#include "sweep_dialog.h"

#include "config_fields.h"
#include "qt_types.h"
#include "sweep_runner.h"

#include "common/config_schema.h"
#include "common/fsutil.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <set>
#include <variant>

namespace dino::ui {

namespace {

const char* const kBaseFile = "base-config.json";
const char* const kSpecFile = "sweep-spec.json";

// A string as a JSON string literal.
QString jsonString(const QString& s) {
    const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

bool isNumber(FieldType t) {
    return t == FieldType::Int || t == FieldType::Int64 || t == FieldType::UInt64 || t == FieldType::Double;
}

// The values of a row's text: comma-separated, or ';'-separated for a list-valued field (whose values
// are themselves comma-separated lists).
QStringList splitValues(const QString& text, FieldType t) {
    QStringList out;
    for (const QString& p : text.split(t == FieldType::DoubleList ? QLatin1Char(';') : QLatin1Char(','), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty()) out << p.trimmed();
    return out;
}

QString kindName(SweepDialog::Kind k) {
    switch (k) {
    case SweepDialog::Kind::List: return SweepDialog::tr("values (grid)");
    case SweepDialog::Kind::Uniform: return SweepDialog::tr("uniform range");
    case SweepDialog::Kind::LogUniform: return SweepDialog::tr("log-uniform range");
    case SweepDialog::Kind::Int: return SweepDialog::tr("integer range");
    case SweepDialog::Kind::Choice: return SweepDialog::tr("random choice");
    case SweepDialog::Kind::Fixed: return SweepDialog::tr("fixed value");
    }
    return {};
}

// A number as JSON, as short as it reads back exactly: 0.0001, 0.003, 1e-7 (not 1e-07).
QString jsonNumber(double x) {
    QString t = QString::number(x, 'g', QLocale::FloatingPointShortest);
    static const QRegularExpression exp(QStringLiteral("e([+-])0+(\\d)"));
    t.replace(exp, QStringLiteral("e\\1\\2"));
    if (t.contains(QLatin1String("e+"))) t.replace(QLatin1String("e+"), QLatin1String("e"));
    // 5e-4 reads better as 0.0005 (down to 1e-5, as the CLI writes them).
    const int e = t.indexOf(QLatin1Char('e'));
    if (e > 0) {
        const int exponent = t.mid(e + 1).toInt();
        const QString mantissa = t.left(e);
        const int dot = mantissa.indexOf(QLatin1Char('.'));
        const int fraction = dot < 0 ? 0 : int(mantissa.size()) - dot - 1;
        if (exponent < 0 && exponent >= -5) return QString::number(x, 'f', fraction - exponent);
    }
    return t;
}

bool isRange(SweepDialog::Kind k) {
    return k == SweepDialog::Kind::Uniform || k == SweepDialog::Kind::LogUniform || k == SweepDialog::Kind::Int;
}

}  // namespace

SweepDialog::SweepDialog(const RunConfig& formConfig, const QString& runsFolder, SweepRunner* runner, QWidget* parent)
    : QDialog(parent), form_(formConfig), runner_(runner) {
    setObjectName("sweepDialog");
    setWindowTitle(tr("New sweep"));
    auto* lay = new QVBoxLayout(this);
    auto* split = new QSplitter(Qt::Horizontal, this);
    lay->addWidget(split, 1);

    // The settings scroll on a small screen; the spec's preview keeps the right side.
    auto* leftScroll = new QScrollArea(split);
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    auto* left = new QWidget(leftScroll);
    leftScroll->setWidget(left);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 4, 0);

    auto* baseBox = new QGroupBox(tr("Base configuration"), left);
    auto* bl = new QHBoxLayout(baseBox);
    base_ = new QComboBox(baseBox);
    base_->setObjectName("sweepBase");
    base_->addItem(tr("The form's configuration (saved in the sweep folder as %1)").arg(kBaseFile), QString());
    for (const std::string& p : presetNames()) base_->addItem(tr("Preset: %1").arg(qs(p)), qs(p));
    bl->addWidget(base_, 1);
    ll->addWidget(baseBox);

    auto* fieldsBox = new QGroupBox(tr("Fields to sweep"), left);
    auto* fl = new QVBoxLayout(fieldsBox);
    auto* pick = new QHBoxLayout;
    fieldPicker_ = new QComboBox(fieldsBox);
    fieldPicker_->setObjectName("sweepFieldPicker");
    auto* model = qobject_cast<QStandardItemModel*>(fieldPicker_->model());
    for (const QString& g : fieldGroups()) {
        bool header = false;
        for (const FieldDescriptor& d : configFieldTable()) {
            if (qs(d.group) != g) continue;
            if (!header) {
                fieldPicker_->addItem(groupTitle(g));
                QStandardItem* it = model->item(fieldPicker_->count() - 1);
                it->setEnabled(false);
                QFont f = it->font();
                f.setBold(true);
                it->setFont(f);
                header = true;
            }
            fieldPicker_->addItem(QStringLiteral("    %1  (%2)").arg(fieldLabel(qs(d.key)), qs(d.key)), qs(d.key));
            fieldPicker_->setItemData(fieldPicker_->count() - 1, fieldHelpText(qs(d.key)), Qt::ToolTipRole);
        }
    }
    fieldPicker_->setCurrentIndex(fieldPicker_->findData(QStringLiteral("optim.lr")));
    auto* add = new QPushButton(QIcon(":/icons/start.svg"), tr("Add field"), fieldsBox);
    add->setObjectName("sweepAddField");
    auto* remove = new QPushButton(tr("Remove"), fieldsBox);
    pick->addWidget(fieldPicker_, 1);
    pick->addWidget(add);
    pick->addWidget(remove);
    fl->addLayout(pick);
    table_ = new QTableWidget(0, 4, fieldsBox);
    table_->setObjectName("sweepFields");
    table_->setHorizontalHeaderLabels({tr("Field"), tr("How"), tr("Values"), tr("Check")});
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setMinimumHeight(150);
    fl->addWidget(table_, 1);
    auto* hint = new QLabel(tr("Values: comma-separated (\"0.0005, 0.001, 0.002\"); a range: \"low, high\"; a list-valued "
                               "field's values separated by \";\". Values of one grid field times another's make the grid; "
                               "ranges and choices are drawn at random (then set the number of trials)."),
                            fieldsBox);
    hint->setWordWrap(true);
    hint->setStyleSheet("color:#555;");
    fl->addWidget(hint);
    ll->addWidget(fieldsBox, 1);

    auto* budgetBox = new QGroupBox(tr("Seeds and budget"), left);
    auto* bf = new QFormLayout(budgetBox);
    seeds_ = new QLineEdit(QStringLiteral("0"), budgetBox);
    seeds_->setObjectName("sweepSeeds");
    seeds_->setToolTip(tr("system.seed of each configuration's runs; the table averages over them"));
    trialsBudget_ = new QSpinBox(budgetBox);
    trialsBudget_->setRange(0, 100000);
    trialsBudget_->setSpecialValueText(tr("every grid point"));
    wallBudget_ = new QDoubleSpinBox(budgetBox);
    wallBudget_->setRange(0, 1e6);
    wallBudget_->setDecimals(1);
    wallBudget_->setSuffix(tr(" min"));
    wallBudget_->setSpecialValueText(tr("no limit"));
    wallBudget_->setToolTip(tr("No trial starts after this much sweep time; running trials finish"));
    samplerSeed_ = new QSpinBox(budgetBox);
    samplerSeed_->setRange(0, 1 << 30);
    samplerSeed_->setToolTip(tr("Seeds the random draws of ranges and choices: the same spec gives the same configurations"));
    bf->addRow(tr("Seeds"), seeds_);
    bf->addRow(tr("Configurations (trials)"), trialsBudget_);
    bf->addRow(tr("Wall time"), wallBudget_);
    bf->addRow(tr("Sampler seed"), samplerSeed_);
    auto* settingsRow = new QHBoxLayout;
    settingsRow->addWidget(budgetBox, 1);

    auto* stopBox = new QGroupBox(tr("Early stopping on the live k-NN curve"), left);
    auto* sf = new QFormLayout(stopBox);
    rule_ = new QComboBox(stopBox);
    rule_->setObjectName("sweepRule");
    rule_->addItem(tr("none: every trial runs to the end"), QString());
    rule_->addItem(tr("median rule (Optuna's MedianPruner)"), QStringLiteral("median"));
    rule_->addItem(tr("successive halving (ASHA)"), QStringLiteral("successive_halving"));
    rule_->addItem(tr("Hyperband"), QStringLiteral("hyperband"));
    metric_ = new QComboBox(stopBox);
    metric_->addItem(tr("weighted k-NN"), QStringLiteral("knn_weighted"));
    metric_->addItem(tr("1-NN"), QStringLiteral("knn_1nn"));
    metric_->setToolTip(tr("What the sweep stops and ranks on"));
    auto spin = [stopBox](int lo, int hi, int v, const QString& tip) {
        auto* s = new QSpinBox(stopBox);
        s->setRange(lo, hi);
        s->setValue(v);
        s->setToolTip(tip);
        return s;
    };
    warmup_ = spin(0, 1000000, 0, tr("Median rule: no decision before this step"));
    minTrials_ = spin(1, 10000, 1, tr("Median rule: other trials that must have reported the step"));
    minSteps_ = spin(1, 1000000, 8, tr("Successive halving / Hyperband: the step of the first rung"));
    eta_ = spin(2, 100, 3, tr("Successive halving / Hyperband: the top 1/eta of a rung continue"));
    brackets_ = spin(1, 100, 3, tr("Hyperband: configuration c is in bracket c mod brackets"));
    sf->addRow(tr("Rule"), rule_);
    sf->addRow(tr("Metric"), metric_);
    sf->addRow(tr("Warm-up steps"), warmup_);
    sf->addRow(tr("Minimum other trials"), minTrials_);
    sf->addRow(tr("First rung (steps)"), minSteps_);
    sf->addRow(tr("Reduction factor eta"), eta_);
    sf->addRow(tr("Brackets"), brackets_);
    stopForm_ = sf;
    settingsRow->addWidget(stopBox, 1);
    ll->addLayout(settingsRow);

    auto* runBox = new QGroupBox(tr("Running"), left);
    auto* rf = new QFormLayout(runBox);
    parallel_ = spin(1, 64, 1, tr("Trials side by side; each gets its share of the cores"));
    auto* outRow = new QHBoxLayout;
    out_ = new QLineEdit(runBox);
    out_->setObjectName("sweepOutput");
    out_->setText(QDir(runsFolder).filePath(QDateTime::currentDateTime().toString(QStringLiteral("'sweep-'yyyyMMdd-HHmmss"))));
    out_->setToolTip(tr("A new or empty folder; under the runs folder its runs appear in the runs table"));
    auto* browse = new QPushButton(tr("Browse…"), runBox);
    outRow->addWidget(out_, 1);
    outRow->addWidget(browse);
    rf->addRow(tr("Trials side by side"), parallel_);
    rf->addRow(tr("Sweep folder"), outRow);
    ll->addWidget(runBox);

    auto* right = new QWidget(split);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    count_ = new QLabel(right);
    count_->setObjectName("sweepCount");
    count_->setWordWrap(true);
    QFont big = count_->font();
    big.setBold(true);
    count_->setFont(big);
    rl->addWidget(count_);
    rl->addWidget(new QLabel(tr("The spec (what `dino sweep` runs):"), right));
    preview_ = new QPlainTextEdit(right);
    preview_->setObjectName("sweepPreview");
    preview_->setReadOnly(true);
    preview_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    preview_->setFont(mono);
    rl->addWidget(preview_, 1);
    split->addWidget(leftScroll);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    problemLabel_ = new QLabel(this);
    problemLabel_->setObjectName("sweepProblem");
    problemLabel_->setWordWrap(true);
    problemLabel_->setStyleSheet("color:#b71c1c;");
    lay->addWidget(problemLabel_);
    auto* buttons = new QDialogButtonBox(this);
    auto* save = buttons->addButton(tr("Save spec…"), QDialogButtonBox::ActionRole);
    start_ = buttons->addButton(tr("Start sweep"), QDialogButtonBox::AcceptRole);
    start_->setObjectName("sweepStart");
    start_->setIcon(QIcon(":/icons/start.svg"));
    buttons->addButton(QDialogButtonBox::Close);
    lay->addWidget(buttons);

    connect(add, &QPushButton::clicked, this, [this] {
        const QString key = fieldPicker_->currentData().toString();
        if (!key.isEmpty()) addField(key);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int r = table_->currentRow();
        if (r >= 0) removeField(r);
    });
    connect(base_, &QComboBox::currentIndexChanged, this, &SweepDialog::refresh);
    connect(seeds_, &QLineEdit::textChanged, this, &SweepDialog::refresh);
    connect(out_, &QLineEdit::textChanged, this, &SweepDialog::refresh);
    connect(rule_, &QComboBox::currentIndexChanged, this, &SweepDialog::refresh);
    connect(metric_, &QComboBox::currentIndexChanged, this, &SweepDialog::refresh);
    for (QSpinBox* s : {trialsBudget_, samplerSeed_, warmup_, minTrials_, minSteps_, eta_, brackets_, parallel_})
        connect(s, &QSpinBox::valueChanged, this, &SweepDialog::refresh);
    connect(wallBudget_, &QDoubleSpinBox::valueChanged, this, &SweepDialog::refresh);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Sweep folder (new or empty)"), outputDir());
        if (!d.isEmpty()) out_->setText(QDir::toNativeSeparators(d));
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save sweep spec"), QDir(outputDir()).filePath("../sweep.json"),
                                                          tr("Sweep spec (*.json)"));
        if (path.isEmpty()) return;
        const QString err = saveSpec(path);
        problemLabel_->setText(err.isEmpty() ? QString() : err);
    });
    connect(start_, &QPushButton::clicked, this, [this] {
        const QString err = start();
        if (!err.isEmpty()) problemLabel_->setText(tr("Cannot start: %1").arg(err));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (runner_) {
        connect(runner_, &SweepRunner::started, this, &SweepDialog::refresh);
        connect(runner_, &SweepRunner::finished, this, &SweepDialog::refresh);
    }
    resize(1180, 700);
    refresh();
}

// ---- the spec's parts ---------------------------------------------------------------------------

void SweepDialog::setBase(const QString& preset) {
    const int i = base_->findData(preset);
    if (i >= 0) base_->setCurrentIndex(i);
}

RunConfig SweepDialog::baseConfig() const {
    const QString p = base_->currentData().toString();
    return p.isEmpty() ? form_ : presetConfig(ss(p));
}

QString SweepDialog::baseRef() const {
    const QString p = base_->currentData().toString();
    return p.isEmpty() ? QString::fromLatin1(kBaseFile) : p;
}

int SweepDialog::addField(const QString& key, Kind kind, const QString& values) {
    const FieldDescriptor* d = findConfigField(ss(key));
    if (!d) return -1;
    const int row = table_->rowCount();
    table_->insertRow(row);
    Row r;
    r.key = key;
    auto* name = new QTableWidgetItem(QStringLiteral("%1\n%2").arg(fieldLabel(key), key));
    name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    name->setToolTip(fieldHelpText(key));
    table_->setItem(row, 0, name);
    r.kind = new QComboBox(table_);
    for (Kind k : {Kind::List, Kind::Uniform, Kind::LogUniform, Kind::Int, Kind::Choice, Kind::Fixed}) {
        if (isRange(k) && !isNumber(d->type)) continue;  // a range needs a number
        r.kind->addItem(kindName(k), int(k));
    }
    r.kind->setCurrentIndex(std::max(0, r.kind->findData(int(kind))));
    table_->setCellWidget(row, 1, r.kind);
    r.values = new QLineEdit(values, table_);
    r.values->setObjectName(QStringLiteral("sweepValues:%1").arg(key));
    // Start with the base's value, so that the row shows what a value looks like.
    if (values.isEmpty()) {
        QString def;
        std::visit([&def](auto* p) {
            using T = std::remove_pointer_t<decltype(p)>;
            if constexpr (std::is_same_v<T, bool>) def = *p ? "true" : "false";
            else if constexpr (std::is_same_v<T, std::string>) def = qs(*p);
            else if constexpr (std::is_same_v<T, std::vector<double>>) def = formatDoubleList(*p);
            else if constexpr (std::is_same_v<T, double>) def = formatDouble(*p);
            else def = QString::number(*p);
        }, d->ref(const_cast<RunConfig&>(form_)));
        r.values->setPlaceholderText(tr("e.g. %1").arg(def));
    }
    table_->setCellWidget(row, 2, r.values);
    r.status = new QLabel(table_);
    r.status->setWordWrap(true);
    table_->setCellWidget(row, 3, r.status);
    connect(r.kind, &QComboBox::currentIndexChanged, this, &SweepDialog::refresh);
    connect(r.values, &QLineEdit::textChanged, this, &SweepDialog::refresh);
    rows_.push_back(r);
    table_->resizeRowToContents(row);
    refresh();
    return row;
}

void SweepDialog::setFieldKind(int row, Kind kind) {
    if (row < 0 || row >= fieldCount()) return;
    const int i = rows_[size_t(row)].kind->findData(int(kind));
    if (i >= 0) rows_[size_t(row)].kind->setCurrentIndex(i);
}

void SweepDialog::setFieldValues(int row, const QString& text) {
    if (row >= 0 && row < fieldCount()) rows_[size_t(row)].values->setText(text);
}

void SweepDialog::removeField(int row) {
    if (row < 0 || row >= fieldCount()) return;
    table_->removeRow(row);
    rows_.erase(rows_.begin() + row);
    refresh();
}

int SweepDialog::fieldCount() const { return int(rows_.size()); }
QString SweepDialog::fieldProblem(int row) const { return row >= 0 && row < fieldCount() ? rows_[size_t(row)].problem : QString(); }
void SweepDialog::setSeeds(const QString& text) { seeds_->setText(text); }

void SweepDialog::setBudget(int trials, double wallMinutes) {
    trialsBudget_->setValue(trials);
    wallBudget_->setValue(wallMinutes);
}

void SweepDialog::setEarlyStopping(const QString& rule, int minSteps, int eta, int brackets, int warmupSteps, int minTrials) {
    rule_->setCurrentIndex(std::max(0, rule_->findData(rule)));
    if (minSteps > 0) minSteps_->setValue(minSteps);
    eta_->setValue(eta);
    brackets_->setValue(brackets);
    warmup_->setValue(warmupSteps);
    minTrials_->setValue(minTrials);
}

void SweepDialog::setParallel(int k) { parallel_->setValue(k); }
void SweepDialog::setOutputDir(const QString& dir) { out_->setText(QDir::toNativeSeparators(dir)); }
QString SweepDialog::outputDir() const { return QDir::fromNativeSeparators(out_->text().trimmed()); }

// ---- checking -----------------------------------------------------------------------------------

// One value as JSON text for the field, or an error.
QString SweepDialog::valueJson(const QString& key, const QString& raw, QString& error) const {
    const FieldDescriptor* d = findConfigField(ss(key));
    QString text = raw.trimmed();
    if (text.size() >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.mid(1, text.size() - 2);
    bool ok = false;
    switch (d->type) {
    case FieldType::Bool: {
        const QString t = text.toLower();
        if (t == "true" || t == "false") return t;
        error = tr("expected true or false, got \"%1\"").arg(text);
        return {};
    }
    case FieldType::Int:
    case FieldType::Int64:
    case FieldType::UInt64: {
        const qlonglong v = text.toLongLong(&ok);
        if (ok) return QString::number(v);
        const double x = text.toDouble(&ok);
        if (ok && std::isfinite(x) && x == std::floor(x) && std::abs(x) < 9e15) return QString::number(qlonglong(x));
        error = tr("expected an integer, got \"%1\"").arg(text);
        return {};
    }
    case FieldType::Double: {
        const double x = text.toDouble(&ok);
        if (ok && std::isfinite(x)) return jsonNumber(x);
        error = tr("expected a number, got \"%1\"").arg(text);
        return {};
    }
    case FieldType::DoubleList: {
        std::vector<double> v;
        QString inner = text;
        if (inner.startsWith('[') && inner.endsWith(']')) inner = inner.mid(1, inner.size() - 2);
        if (!parseDoubleList(inner, v)) {
            error = tr("expected a list of numbers, got \"%1\"").arg(text);
            return {};
        }
        QStringList parts;
        for (double x : v) parts << jsonNumber(x);
        return QStringLiteral("[%1]").arg(parts.join(QStringLiteral(", ")));
    }
    case FieldType::String: return jsonString(text);
    }
    return {};
}

// The row's values against the field rules: each one set on the base and validated (dino::validate),
// so relations with other fields (a multiple of the patch size, <= the batch size) count too.
void SweepDialog::checkRow(Row& r, const RunConfig& base) const {
    r.json.clear();
    r.problem.clear();
    const FieldDescriptor* d = findConfigField(ss(r.key));
    const Kind kind = Kind(r.kind->currentData().toInt());
    const QStringList texts = splitValues(r.values->text(), d->type);
    std::set<std::string> baseErrors;
    for (const FieldError& e : validate(base)) baseErrors.insert(e.field + e.message);
    auto check = [&](const QString& text) -> QString {
        QString err;
        const QString json = valueJson(r.key, text, err);
        if (!err.isEmpty()) return err;
        RunConfig c = base;
        try {
            applyOverride(c, ss(r.key) + "=" + ss(json));
        } catch (const ConfigError& e) {
            return e.fields().empty() ? qs(e.what()) : qs(e.fields().front().message);
        } catch (const std::exception& e) {
            return qs(e.what());
        }
        for (const FieldError& e : validate(c)) {
            if (e.field == d->key) return qs(e.message);
            if (!baseErrors.count(e.field + e.message)) return tr("%1 with it: %2").arg(qs(e.field), qs(e.message));
        }
        r.json << json;
        return {};
    };
    if (texts.isEmpty()) {
        r.problem = isRange(kind) ? tr("enter a range: low, high") : tr("enter at least one value");
        return;
    }
    if (kind == Kind::Fixed && texts.size() != 1) {
        r.problem = tr("a fixed field takes one value (a list is a grid)");
        return;
    }
    if (isRange(kind)) {
        if (texts.size() != 2) {
            r.problem = tr("a range is two numbers: low, high");
            return;
        }
        bool ok1 = false, ok2 = false;
        const double lo = texts[0].toDouble(&ok1), hi = texts[1].toDouble(&ok2);
        if (!ok1 || !ok2) {
            r.problem = tr("a range is two numbers: low, high");
            return;
        }
        if (!(lo < hi)) {
            r.problem = tr("low (%1) must be below high (%2)").arg(texts[0], texts[1]);
            return;
        }
        if (kind == Kind::LogUniform && lo <= 0) {
            r.problem = tr("a log-uniform range needs low > 0");
            return;
        }
        if (kind == Kind::Int && (lo != std::floor(lo) || hi != std::floor(hi))) {
            r.problem = tr("an integer range needs two integers");
            return;
        }
        // Both ends must be allowed values (the rules are intervals, so then every value between is).
        for (const QString& t : texts) {
            QString m = check(t);
            if (!m.isEmpty()) {
                r.problem = QStringLiteral("%1: %2").arg(t, m);
                return;
            }
        }
        r.json = {jsonNumber(lo), jsonNumber(hi)};
        return;
    }
    QStringList seen;
    for (const QString& t : texts) {
        const QString m = check(t);
        if (!m.isEmpty()) {
            r.problem = QStringLiteral("%1: %2").arg(t, m);
            return;
        }
        if (seen.contains(r.json.back())) {
            r.problem = tr("%1 is listed twice").arg(t);
            return;
        }
        seen << r.json.back();
    }
}

QString SweepDialog::spaceJson(const Row& r) const {
    const Kind kind = Kind(r.kind->currentData().toInt());
    const QString list = QStringLiteral("[%1]").arg(r.json.join(QStringLiteral(", ")));
    switch (kind) {
    case Kind::List: return list;
    case Kind::Uniform: return QStringLiteral("{\"uniform\": %1}").arg(list);
    case Kind::LogUniform: return QStringLiteral("{\"log_uniform\": %1}").arg(list);
    case Kind::Int: return QStringLiteral("{\"int\": %1}").arg(list);
    case Kind::Choice: return QStringLiteral("{\"choice\": %1}").arg(list);
    case Kind::Fixed: return r.json.value(0);
    }
    return {};
}

QString SweepDialog::specJson() const {
    QStringList top;
    top << QStringLiteral("  \"comment\": %1").arg(jsonString(tr("Made with DINO Studio's sweep dialog")));
    top << QStringLiteral("  \"base\": %1").arg(jsonString(baseRef()));
    QStringList set, space;
    bool random = false;
    for (const Row& r : rows_) {
        const Kind kind = Kind(r.kind->currentData().toInt());
        const QString entry = QStringLiteral("    %1: %2").arg(jsonString(r.key), spaceJson(r));
        if (kind == Kind::Fixed) set << entry;
        else space << entry;
        if (kind != Kind::List && kind != Kind::Fixed) random = true;
    }
    if (!set.isEmpty()) top << QStringLiteral("  \"set\": {\n%1\n  }").arg(set.join(QStringLiteral(",\n")));
    top << QStringLiteral("  \"space\": {\n%1\n  }").arg(space.join(QStringLiteral(",\n")));
    if (random) top << QStringLiteral("  \"sampler_seed\": %1").arg(samplerSeed_->value());
    top << QStringLiteral("  \"seeds\": [%1]").arg(seedList_.join(QStringLiteral(", ")));
    QStringList budget;
    if (trialsBudget_->value() > 0) budget << QStringLiteral("\"trials\": %1").arg(trialsBudget_->value());
    if (wallBudget_->value() > 0)
        budget << QStringLiteral("\"wall_minutes\": %1").arg(jsonNumber(wallBudget_->value()));
    if (!budget.isEmpty()) top << QStringLiteral("  \"budget\": {%1}").arg(budget.join(QStringLiteral(", ")));
    top << QStringLiteral("  \"metric\": %1").arg(jsonString(metric_->currentData().toString()));
    const QString rule = rule_->currentData().toString();
    if (!rule.isEmpty()) {
        QStringList e{QStringLiteral("\"rule\": %1").arg(jsonString(rule))};
        if (rule == "median") {
            e << QStringLiteral("\"warmup_steps\": %1").arg(warmup_->value());
            e << QStringLiteral("\"min_trials\": %1").arg(minTrials_->value());
        } else {
            e << QStringLiteral("\"min_steps\": %1").arg(minSteps_->value());
            e << QStringLiteral("\"eta\": %1").arg(eta_->value());
            if (rule == "hyperband") e << QStringLiteral("\"brackets\": %1").arg(brackets_->value());
        }
        top << QStringLiteral("  \"early_stopping\": {%1}").arg(e.join(QStringLiteral(", ")));
    }
    top << QStringLiteral("  \"parallel\": %1").arg(parallel_->value());
    return QStringLiteral("{\n%1\n}\n").arg(top.join(QStringLiteral(",\n")));
}

void SweepDialog::refresh() {
    if (refreshing_) return;
    refreshing_ = true;
    const RunConfig base = baseConfig();
    QStringList problems;
    const auto baseErrors = validate(base);
    if (!baseErrors.empty())
        problems << tr("The base configuration is invalid: %1: %2").arg(qs(baseErrors.front().field), qs(baseErrors.front().message));

    // Fixed fields first: the swept values are checked on the base with them.
    RunConfig withFixed = base;
    for (Row& r : rows_) {
        if (Kind(r.kind->currentData().toInt()) != Kind::Fixed) continue;
        checkRow(r, base);
        if (r.problem.isEmpty()) applyOverride(withFixed, ss(r.key) + "=" + ss(r.json.value(0)));
    }
    long long grid = 1;
    bool random = false, swept = false;
    QStringList keys;
    for (Row& r : rows_) {
        const Kind kind = Kind(r.kind->currentData().toInt());
        if (kind != Kind::Fixed) checkRow(r, withFixed);
        if (keys.contains(r.key) && r.problem.isEmpty()) r.problem = tr("this field has another row");
        keys << r.key;
        r.status->setText(r.problem.isEmpty() ? QStringLiteral("✓") : r.problem);
        r.status->setStyleSheet(r.problem.isEmpty() ? QStringLiteral("color:#2e7d32;") : QStringLiteral("color:#b71c1c;"));
        r.values->setStyleSheet(r.problem.isEmpty() ? QString() : QStringLiteral("QLineEdit{border:1px solid #c62828;}"));
        r.values->setToolTip(r.problem);
        if (!r.problem.isEmpty()) problems << QStringLiteral("%1 (%2): %3").arg(fieldLabel(r.key), r.key, r.problem);
        if (kind == Kind::Fixed) continue;
        swept = true;
        if (kind == Kind::List) grid *= std::max<qsizetype>(1, r.json.size());
        else random = true;
    }
    for (int i = 0; i < table_->rowCount(); ++i) table_->resizeRowToContents(i);
    if (!swept) problems << tr("Add a field to sweep (with values, a range or a choice).");

    seedList_.clear();
    for (const QString& s : seeds_->text().split(',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const qulonglong v = s.trimmed().toULongLong(&ok);
        if (!ok) {
            problems << tr("Seeds: \"%1\" is not an integer >= 0").arg(s.trimmed());
            break;
        }
        if (seedList_.contains(QString::number(v))) {
            problems << tr("Seeds: %1 is listed twice").arg(v);
            break;
        }
        seedList_ << QString::number(v);
    }
    if (seedList_.isEmpty() && problems.isEmpty()) problems << tr("Seeds: enter at least one seed (e.g. 0, 1, 2)");
    const int budget = trialsBudget_->value();
    if (random && budget == 0) problems << tr("Random ranges and choices need a number of configurations (Seeds and budget).");
    configs_ = random ? budget : int(budget > 0 ? std::min<long long>(budget, grid) : std::min<long long>(grid, 1000000));
    trials_ = configs_ * int(std::max<qsizetype>(1, seedList_.size()));

    const QString rule = rule_->currentData().toString();
    // Only the settings of the chosen rule are shown.
    const bool halving = rule == "successive_halving" || rule == "hyperband";
    stopForm_->setRowVisible(warmup_, rule == "median");
    stopForm_->setRowVisible(minTrials_, rule == "median");
    stopForm_->setRowVisible(minSteps_, halving);
    stopForm_->setRowVisible(eta_, halving);
    stopForm_->setRowVisible(brackets_, rule == "hyperband");
    if (!rule.isEmpty()) {
        bool liveKnn = withFixed.eval.knn_every_steps > 0;
        for (const Row& r : rows_)
            if (r.key == "eval.knn_every_steps" && Kind(r.kind->currentData().toInt()) != Kind::Fixed) liveKnn = true;
        if (!liveKnn)
            problems << tr("Early stopping follows the live k-NN curve: set eval.knn_every_steps > 0 (in the base, or "
                           "as a fixed field here).");
    }
    const QString out = outputDir();
    if (out.isEmpty()) problems << tr("Choose a sweep folder.");
    else if (QFileInfo(out).exists() && !QDir(out).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        problems << tr("The sweep folder %1 is not empty; a new sweep needs a new or empty folder (Training ▸ Resume sweep… "
                       "continues one).")
                        .arg(QDir::toNativeSeparators(out));
    if (runner_ && runner_->isRunning())
        problems << tr("A sweep is running (%1); one at a time.").arg(QDir::toNativeSeparators(runner_->sweepDir()));

    problem_ = problems.value(0);
    problemLabel_->setText(problem_);
    start_->setEnabled(problem_.isEmpty());
    start_->setToolTip(problem_);
    const QString perTrial = seedList_.size() == 1 ? tr("1 seed") : tr("%1 seeds").arg(seedList_.size());
    count_->setText(swept ? tr("%1 configurations × %2 = %3 trials%4")
                                .arg(configs_)
                                .arg(perTrial)
                                .arg(trials_)
                                .arg(rule.isEmpty() ? QString() : tr(" at most (early stopping ends some early)"))
                          : tr("No field swept yet"));
    if (swept && !problem_.isEmpty()) count_->setText(count_->text() + tr(" (counting the valid values; fix the marked ones)"));
    preview_->setPlainText(specJson());
    refreshing_ = false;
}

// ---- files and start ----------------------------------------------------------------------------

QString SweepDialog::saveSpec(const QString& path) const {
    try {
        QString text = specJson();
        if (base_->currentData().toString().isEmpty()) {
            const QFileInfo fi(path);
            const QString baseName = fi.completeBaseName() + QStringLiteral("-base.json");
            saveConfigFile(form_, ss(fi.dir().filePath(baseName)));
            text.replace(QStringLiteral("\"base\": %1").arg(jsonString(kBaseFile)), QStringLiteral("\"base\": %1").arg(jsonString(baseName)));
        }
        writeFileAtomic(ss(path), ss(text));
    } catch (const std::exception& e) {
        return qs(e.what());
    }
    return {};
}

QString SweepDialog::start() {
    refresh();
    if (!problem_.isEmpty()) return problem_;
    if (!runner_) return tr("No sweep runner.");
    const QString dir = QFileInfo(outputDir()).absoluteFilePath();
    if (!QDir().mkpath(dir)) return tr("Cannot create the sweep folder %1.").arg(QDir::toNativeSeparators(dir));
    const QString spec = QDir(dir).filePath(kSpecFile);
    try {
        if (base_->currentData().toString().isEmpty()) saveConfigFile(form_, ss(QDir(dir).filePath(kBaseFile)));
        writeFileAtomic(ss(spec), ss(specJson()));
    } catch (const std::exception& e) {
        return qs(e.what());
    }
    const QString err = runner_->start(spec, dir);
    if (!err.isEmpty()) return err;
    Q_EMIT sweepStarted(dir);
    accept();
    return {};
}

}  // namespace dino::ui
