<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="323"/>
        <source>Database key</source>
        <translation>Database key</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="324"/>
        <source>Patient data is stored encrypted. Its key is kept in this PC's keyring, or derived from a passphrase that staff type when the app starts.</source>
        <translation>Patient data is stored encrypted. Its key is kept in this PC's keyring, or derived from a passphrase that staff type when the app starts.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="327"/>
        <source>Keep the key in this PC's keyring (Windows Credential Manager)</source>
        <translation>Keep the key in this PC's keyring (Windows Credential Manager)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="328"/>
        <source>Use a passphrase</source>
        <translation>Use a passphrase</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="344"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="345"/>
        <source>Passphrase again</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="358"/>
        <source>No keyring is available on this PC (usual on Linux kiosks): use a passphrase.</source>
        <translation>No keyring is available on this PC (usual on Linux kiosks): use a passphrase.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="363"/>
        <source>An existing database will be opened: %1</source>
        <translation>An existing database will be opened: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="364"/>
        <source>A new database will be created: %1</source>
        <translation>A new database will be created: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="384"/>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>The passphrase needs at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="388"/>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>FoldersPage</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="196"/>
        <source>OQS terminal folders</source>
        <translation>OQS terminal folders</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="198"/>
        <source>The shared folders of the online qualification terminal (leave empty if this clinic does not use them).</source>
        <translation>The shared folders of the online qualification terminal (leave empty if this clinic does not use them).</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="202"/>
        <source>Face-reader results (face)</source>
        <translation>Face-reader results (face)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="203"/>
        <source>Requests (req)</source>
        <translation>Requests (req)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="204"/>
        <source>Responses (res)</source>
        <translation>Responses (res)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="209"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="222"/>
        <source>Choose a folder</source>
        <translation>Choose a folder</translation>
    </message>
</context>
<context>
    <name>GatewayPage</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="274"/>
        <source>Eligibility gateway</source>
        <translation>Eligibility gateway</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="275"/>
        <source>The HTTPS address of the eligibility gateway (PIN path). Leave empty if only the face-recognition reader is used.</source>
        <translation>The HTTPS address of the eligibility gateway (PIN path). Leave empty if only the face-recognition reader is used.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="283"/>
        <source>Gateway address</source>
        <translation>Gateway address</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="284"/>
        <source>CA certificate (optional)</source>
        <translation>CA certificate (optional)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="285"/>
        <source>Test the connection</source>
        <translation>Test the connection</translation>
    </message>
</context>
<context>
    <name>InstitutionPage</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="244"/>
        <source>Medical institution code</source>
        <translation>Medical institution code</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="245"/>
        <source>The 10-digit code (医療機関コード) from the designation notice; its last digit is a check digit.</source>
        <translation>The 10-digit code (医療機関コード) from the designation notice; its last digit is a check digit.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="252"/>
        <source>Institution code</source>
        <translation>Institution code</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="409"/>
        <location filename="../../reception_app/ui/setup_wizard.py" line="422"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="410"/>
        <source>Where the reception slip (受付票) is printed. Without a printer, slips are saved as PDF files.</source>
        <translation>Where the reception slip (受付票) is printed. Without a printer, slips are saved as PDF files.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="415"/>
        <source>(the system's default printer)</source>
        <translation>(the system's default printer)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="423"/>
        <source>PDF folder (optional)</source>
        <translation>PDF folder (optional)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="432"/>
        <source>This folder does not exist or is not writable: %1</source>
        <translation>This folder does not exist or is not writable: %1</translation>
    </message>
</context>
<context>
    <name>ReaderPage</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="125"/>
        <source>Card reader</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="126"/>
        <source>Choose the reader the patient places the card on. Place a card and press Test.</source>
        <translation>Choose the reader the patient places the card on. Place a card and press Test.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="128"/>
        <source>PC/SC card reader</source>
        <translation>PC/SC card reader</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="129"/>
        <source>Simulator (demo and QA only)</source>
        <translation>Simulator (demo and QA only)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="139"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="140"/>
        <source>Test the card on this reader</source>
        <translation>Test the card on this reader</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="446"/>
        <source>reception-app set-up</source>
        <translation>reception-app set-up</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="99"/>
        <source>Set up this reception PC</source>
        <translation>Set up this reception PC</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="102"/>
        <source>This wizard asks for the card reader, the OQS terminal's shared folders, the medical institution code, the eligibility gateway, the database key and the printer. You can run it again later from the menu.</source>
        <translation>This wizard asks for the card reader, the OQS terminal's shared folders, the medical institution code, the eligibility gateway, the database key and the printer. You can run it again later from the menu.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="111"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
</context>
</TS>