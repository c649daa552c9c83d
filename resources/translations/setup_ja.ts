<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="323"/>
        <source>Database key</source>
        <translation>データベースの鍵</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="324"/>
        <source>Patient data is stored encrypted. Its key is kept in this PC's keyring, or derived from a passphrase that staff type when the app starts.</source>
        <translation>患者データは暗号化して保存します。鍵はこの PC のキーリングに保管するか、アプリ起動時にスタッフが入力するパスフレーズから作ります。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="327"/>
        <source>Keep the key in this PC's keyring (Windows Credential Manager)</source>
        <translation>鍵をこの PC のキーリング (Windows 資格情報マネージャー) に保管する</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="328"/>
        <source>Use a passphrase</source>
        <translation>パスフレーズを使う</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="344"/>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="345"/>
        <source>Passphrase again</source>
        <translation>パスフレーズ (確認)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="358"/>
        <source>No keyring is available on this PC (usual on Linux kiosks): use a passphrase.</source>
        <translation>この PC には使えるキーリングがありません (Linux のキオスクでは普通です)。パスフレーズを使ってください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="363"/>
        <source>An existing database will be opened: %1</source>
        <translation>既存のデータベースを開きます: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="364"/>
        <source>A new database will be created: %1</source>
        <translation>新しいデータベースを作成します: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="384"/>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>パスフレーズは %1 文字以上にしてください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="388"/>
        <source>The two passphrases differ.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
</context>
<context>
    <name>FoldersPage</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="196"/>
        <source>OQS terminal folders</source>
        <translation>オンライン資格確認端末のフォルダー</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="198"/>
        <source>The shared folders of the online qualification terminal (leave empty if this clinic does not use them).</source>
        <translation>オンライン資格確認端末の共有フォルダーです (使わない場合は空欄のまま)。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="202"/>
        <source>Face-reader results (face)</source>
        <translation>顔認証の結果 (face)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="203"/>
        <source>Requests (req)</source>
        <translation>要求 (req)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="204"/>
        <source>Responses (res)</source>
        <translation>応答 (res)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="209"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="222"/>
        <source>Choose a folder</source>
        <translation>フォルダーを選択</translation>
    </message>
</context>
<context>
    <name>GatewayPage</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="274"/>
        <source>Eligibility gateway</source>
        <translation>資格確認ゲートウェイ</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="275"/>
        <source>The HTTPS address of the eligibility gateway (PIN path). Leave empty if only the face-recognition reader is used.</source>
        <translation>資格確認ゲートウェイ (暗証番号方式) の HTTPS アドレスです。顔認証付きカードリーダーだけを使う場合は空欄のまま。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="283"/>
        <source>Gateway address</source>
        <translation>ゲートウェイのアドレス</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="284"/>
        <source>CA certificate (optional)</source>
        <translation>CA 証明書 (任意)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="285"/>
        <source>Test the connection</source>
        <translation>接続を確認</translation>
    </message>
</context>
<context>
    <name>InstitutionPage</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="244"/>
        <source>Medical institution code</source>
        <translation>医療機関コード</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="245"/>
        <source>The 10-digit code (医療機関コード) from the designation notice; its last digit is a check digit.</source>
        <translation>指定通知書に記載の 10 桁の医療機関コードです。最後の 1 桁は検証番号です。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="252"/>
        <source>Institution code</source>
        <translation>医療機関コード</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="409"/>
        <location filename="../../reception_app/ui/setup_wizard.py" line="422"/>
        <source>Printer</source>
        <translation>プリンター</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="410"/>
        <source>Where the reception slip (受付票) is printed. Without a printer, slips are saved as PDF files.</source>
        <translation>受付票を印刷するプリンターです。プリンターが無い場合は PDF ファイルに保存します。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="415"/>
        <source>(the system's default printer)</source>
        <translation>(通常使うプリンター)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="423"/>
        <source>PDF folder (optional)</source>
        <translation>PDF の保存先 (任意)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="432"/>
        <source>This folder does not exist or is not writable: %1</source>
        <translation>このフォルダーは存在しないか、書き込めません: %1</translation>
    </message>
</context>
<context>
    <name>ReaderPage</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="125"/>
        <source>Card reader</source>
        <translation>カードリーダー</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="126"/>
        <source>Choose the reader the patient places the card on. Place a card and press Test.</source>
        <translation>患者さんがカードを置くリーダーを選んでください。カードを置いて「確認」を押すと読み取りを試します。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="128"/>
        <source>PC/SC card reader</source>
        <translation>PC/SC カードリーダー</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="129"/>
        <source>Simulator (demo and QA only)</source>
        <translation>シミュレーター (デモ・検証専用)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="139"/>
        <source>Refresh</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="140"/>
        <source>Test the card on this reader</source>
        <translation>このリーダーのカードを確認</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="446"/>
        <source>reception-app set-up</source>
        <translation>reception-app 初期設定</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="99"/>
        <source>Set up this reception PC</source>
        <translation>受付 PC の初期設定</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="102"/>
        <source>This wizard asks for the card reader, the OQS terminal's shared folders, the medical institution code, the eligibility gateway, the database key and the printer. You can run it again later from the menu.</source>
        <translation>カードリーダー、オンライン資格確認端末の共有フォルダー、医療機関コード、資格確認ゲートウェイ、データベースの鍵、プリンターを順に設定します。あとでメニューからもう一度実行できます。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/setup_wizard.py" line="111"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
</context>
</TS>