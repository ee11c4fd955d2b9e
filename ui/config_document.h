// The configuration in the form as a document: where it came from (a preset, a JSON file, an opened
// run), whether it has been edited since, and the load / save / preset commands that replace it.
// The window title ("quick.json[*]"), the preset box and the "discard your edits?" question are
// derived from it.
#pragma once

#include "common/config.h"

#include <QObject>
#include <QString>

namespace dino::ui {

class ConfigForm;

// The presets the GUI offers, described once: the menu, the preset box and the title use this.
struct PresetInfo {
    const char* name;     // presetConfig's name
    const char* title;    // short, for the title bar ("Quick CPU demo")
    const char* details;  // for the menu and the preset box
};
const std::vector<PresetInfo>& guiPresets();
QString presetTitle(const QString& name);    // translated, or "" for an unknown name
QString presetDetails(const QString& name);  // translated, or ""

class ConfigDocument : public QObject {
    Q_OBJECT
public:
    enum class Source { None, Preset, File, Run };

    explicit ConfigDocument(ConfigForm* form, QObject* parent = nullptr);

    // Each replaces the form's configuration and makes it unmodified; "" or a readable error.
    QString applyPreset(const QString& name);
    QString load(const QString& path);
    // The form shows a run's configuration (an opened run, or a run started from the form: its
    // config.json is then the saved copy).
    void adoptRun(const QString& runDir, const RunConfig& cfg);
    // Writes the form's configuration; the file becomes the source.
    QString save(const QString& path);

    Source source() const { return source_; }
    QString sourcePath() const { return sourcePath_; }  // the preset's name, the file or the run folder
    QString preset() const { return source_ == Source::Preset ? sourcePath_ : QString(); }
    // "Quick CPU demo", "cfg.json", "run-20260101-101010" or "Unsaved configuration".
    QString displayName() const;
    bool isModified() const;

    // The last configuration, its source and unmodified state across sessions (QSettings).
    void saveState() const;
    void restoreState();

Q_SIGNALS:
    // The source or the modified state changed.
    void changed();

private:
    void setClean(Source source, const QString& path);

    ConfigForm* form_;
    Source source_ = Source::None;
    QString sourcePath_;
    std::string clean_;  // configToJson of the configuration as loaded or saved
    bool modified_ = false;
};

}  // namespace dino::ui
