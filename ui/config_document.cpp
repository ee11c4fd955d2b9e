#include "config_document.h"

#include "common/fsutil.h"
#include "config_form.h"
#include "qt_types.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

namespace dino::ui {

const std::vector<PresetInfo>& guiPresets() {
    static const std::vector<PresetInfo> presets = {
        {"seed", QT_TRANSLATE_NOOP("dino::ui::ConfigDocument", "Seed preset"),
         QT_TRANSLATE_NOOP("dino::ui::ConfigDocument", "Seed (15 epochs, batch 256 — a GPU job)")},
        {"quick", QT_TRANSLATE_NOOP("dino::ui::ConfigDocument", "Quick CPU demo preset"),
         QT_TRANSLATE_NOOP("dino::ui::ConfigDocument", "Quick CPU demo (a few minutes on the sample data)")},
        {"cpu-hour", QT_TRANSLATE_NOOP("dino::ui::ConfigDocument", "CPU hour preset"),
         QT_TRANSLATE_NOOP("dino::ui::ConfigDocument",
                           "CPU hour (3 epochs of the full PathMNIST, about an hour on 2 cores; set your own data set)")},
    };
    return presets;
}

static const PresetInfo* findPreset(const QString& name) {
    for (const PresetInfo& p : guiPresets())
        if (name == QLatin1String(p.name)) return &p;
    return nullptr;
}

QString presetTitle(const QString& name) {
    const PresetInfo* p = findPreset(name);
    return p ? QCoreApplication::translate("dino::ui::ConfigDocument", p->title) : QString();
}

QString presetDetails(const QString& name) {
    const PresetInfo* p = findPreset(name);
    return p ? QCoreApplication::translate("dino::ui::ConfigDocument", p->details) : QString();
}

ConfigDocument::ConfigDocument(ConfigForm* form, QObject* parent) : QObject(parent), form_(form) {
    connect(form_, &ConfigForm::configChanged, this, [this] {
        const bool modified = isModified();
        if (modified != modified_) {
            modified_ = modified;
            Q_EMIT changed();
        }
    });
}

void ConfigDocument::setClean(Source source, const QString& path) {
    source_ = source;
    sourcePath_ = path;
    clean_ = configToJson(form_->config());
    modified_ = false;
    Q_EMIT changed();
}

QString ConfigDocument::applyPreset(const QString& name) {
    try {
        form_->setConfig(presetConfig(ss(name)));
    } catch (const std::exception& e) {
        return qs(e.what());
    }
    setClean(Source::Preset, name);
    return {};
}

QString ConfigDocument::load(const QString& path) {
    try {
        // Parse without rejecting invalid values: the form shows them in red instead.
        form_->setConfig(configFromJson(readTextFile(ss(path)), ss(path)));
    } catch (const std::exception& e) {
        return qs(e.what());
    }
    setClean(Source::File, QFileInfo(path).absoluteFilePath());
    return {};
}

void ConfigDocument::adoptRun(const QString& runDir, const RunConfig& cfg) {
    if (configToJson(form_->config()) != configToJson(cfg)) form_->setConfig(cfg);
    setClean(Source::Run, runDir);
}

QString ConfigDocument::save(const QString& path) {
    try {
        saveConfigFile(form_->config(), ss(path));
    } catch (const std::exception& e) {
        return qs(e.what());
    }
    setClean(Source::File, QFileInfo(path).absoluteFilePath());
    return {};
}

QString ConfigDocument::displayName() const {
    switch (source_) {
    case Source::Preset: return presetTitle(sourcePath_);
    case Source::File:
    case Source::Run: return QFileInfo(sourcePath_).fileName();
    case Source::None: break;
    }
    return tr("Unsaved configuration");
}

bool ConfigDocument::isModified() const { return source_ == Source::None || configToJson(form_->config()) != clean_; }

namespace {
const char* kSourceNames[] = {"none", "preset", "file", "run"};
}

void ConfigDocument::saveState() const {
    QSettings s;
    s.setValue("config/last", qs(configToJson(form_->config())));
    s.setValue("config/source", QString::fromLatin1(kSourceNames[static_cast<int>(source_)]));
    s.setValue("config/sourcePath", sourcePath_);
    s.setValue("config/clean", qs(clean_));
}

// The last session's configuration, or the quick preset at a first launch (or from a damaged setting).
void ConfigDocument::restoreState() {
    QSettings s;
    try {
        const QString last = s.value("config/last").toString();
        if (last.isEmpty()) throw std::runtime_error("first launch");
        const RunConfig clean = configFromJson(ss(s.value("config/clean", last).toString()), "settings");
        const QString source = s.value("config/source", "none").toString();
        int kind = 0;
        for (int i = 0; i < 4; ++i)
            if (source == QLatin1String(kSourceNames[i])) kind = i;
        form_->setConfig(clean);
        setClean(static_cast<Source>(kind), s.value("config/sourcePath").toString());
        form_->setConfig(configFromJson(ss(last), "settings"));  // the edits of the last session, if any
    } catch (const std::exception&) {
        applyPreset("quick");
    }
    // A configuration of unknown source (settings of an older version) that is a preset is that preset.
    for (const PresetInfo& p : guiPresets())
        if (source_ == Source::None && configToJson(form_->config()) == configToJson(presetConfig(p.name)))
            setClean(Source::Preset, QString::fromLatin1(p.name));
    modified_ = isModified();
    Q_EMIT changed();
}

}  // namespace dino::ui
