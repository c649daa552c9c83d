; Inno Setup 6 script: installs the PyInstaller one-folder bundle of reception-app on Windows 10/11 (x64).
;
; UNTESTED HERE: the project is built and tested on Debian; Inno Setup (ISCC.exe) and a Windows bundle cannot be
; produced on Linux. The script is written against the bundle layout the spec makes (installer/reception-app.spec):
;   dist\reception-app\reception-app.exe       the GUI (desk, --kiosk, --demo), no console window
;   dist\reception-app\reception-app-cli.exe   the same program with a console (doctor, vcard, --version)
;   dist\reception-app\_internal\...           Python, Qt and libraries; _internal\resources\ (profiles, tables,
;                                               samples, compiled translations)
; Build on a Windows machine (see docs/install-windows.md):
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e .[dev]
;   .venv\Scripts\python scripts\build_translations.py
;   .venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller installer\reception-app.spec
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\windows\reception-app.iss
; Output: dist\reception-app-<version>-setup.exe
;
; Settings and data are per Windows user and never in the registry: the app keeps them under
; %LOCALAPPDATA%\reception-app\reception-app\ (settings reception-app.ini, the encrypted database, ledgers), through
; platformdirs. Uninstalling removes the program only; clinic data stays (it is patient data: delete it on purpose).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "reception-app"
#define AppPublisher "reception-app"
#define GuiExe "reception-app.exe"
#define CliExe "reception-app-cli.exe"
#define DistDir "..\..\dist\reception-app"

[Setup]
; The AppId identifies the product for upgrades and uninstall: never change it.
AppId={{6F1C2B7E-3D4A-4C59-9E21-7B8A5D0C4E13}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
; Per-machine install into Program Files (one install serves every Windows user of the reception PC).
PrivilegesRequired=admin
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\icons\reception-app.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Ask for the installer's language (Japanese first), and close a running reception-app before replacing files.
ShowLanguageDialog=yes
LanguageDetectionMethod=uilanguage
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
japanese.DeskTitle=受付 (reception-app)
english.DeskTitle=Reception (reception-app)
japanese.KioskTitle=再来受付機モード (reception-app --kiosk)
english.KioskTitle=Patient kiosk (reception-app --kiosk)
japanese.DoctorTitle=動作環境の確認 (reception-app doctor)
english.DoctorTitle=Check this PC (reception-app doctor)
japanese.DemoTitle=デモ (模擬カード・模擬資格確認)
english.DemoTitle=Demo (simulated cards and eligibility)
japanese.KioskTask=Windows へのサインイン時に再来受付機モードで自動起動する (キオスク専用 PC のみ)
english.KioskTask=Start the patient kiosk automatically at sign-in (dedicated kiosk PCs only)
japanese.SmartCardTask=Windows の「Smart Card」サービスを自動起動に設定する (推奨)
english.SmartCardTask=Set the Windows "Smart Card" service to start automatically (recommended)
japanese.StartupGroup=自動起動:
english.StartupGroup=Start-up:

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "kiosk"; Description: "{cm:KioskTask}"; GroupDescription: "{cm:StartupGroup}"; Flags: unchecked
Name: "smartcardservice"; Description: "{cm:SmartCardTask}"; GroupDescription: "{cm:StartupGroup}"

[Files]
; The whole one-folder bundle, as PyInstaller laid it out (exes + _internal\ with resources\ inside).
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\icons\reception-app.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\{cm:DeskTitle}"; Filename: "{app}\{#GuiExe}"; IconFilename: "{app}\reception-app.ico"
Name: "{group}\{cm:KioskTitle}"; Filename: "{app}\{#GuiExe}"; Parameters: "--kiosk"; IconFilename: "{app}\reception-app.ico"
Name: "{group}\{cm:DemoTitle}"; Filename: "{app}\{#GuiExe}"; Parameters: "--demo"; IconFilename: "{app}\reception-app.ico"
; doctor prints to a console: keep the window open (cmd /k) so the person can read the result.
Name: "{group}\{cm:DoctorTitle}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" doctor"; WorkingDir: "{app}"; IconFilename: "{app}\reception-app.ico"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:DeskTitle}"; Filename: "{app}\{#GuiExe}"; IconFilename: "{app}\reception-app.ico"; Tasks: desktopicon
; Kiosk autostart: a shortcut in the all-users Startup folder (no Run key in the registry).
Name: "{commonstartup}\{cm:KioskTitle}"; Filename: "{app}\{#GuiExe}"; Parameters: "--kiosk"; IconFilename: "{app}\reception-app.ico"; Tasks: kiosk

[Run]
; The Smart Card service (SCardSvr) is trigger-started by default and can be stopped when no reader is present;
; "auto" keeps PC/SC reachable from the first card of the day.
Filename: "{sys}\sc.exe"; Parameters: "config SCardSvr start= auto"; Flags: runhidden; Tasks: smartcardservice
Filename: "{sys}\sc.exe"; Parameters: "start SCardSvr"; Flags: runhidden; Tasks: smartcardservice
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent unchecked

[UninstallDelete]
; Only what the program folder may hold besides the installed files; per-user data is kept on purpose (see top).
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
