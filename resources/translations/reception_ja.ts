<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AppSession</name>
    <message>
        <location filename="../../reception_app/ui/session.py" line="168"/>
        <source>Database passphrase</source>
        <translation>データベースのパスフレーズ</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/session.py" line="169"/>
        <source>Passphrase of the reception database:</source>
        <translation>受付データベースのパスフレーズ:</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/session.py" line="401"/>
        <source>QA panel (demo)</source>
        <translation>QAパネル(デモ)</translation>
    </message>
</context>
<context>
    <name>CheckInPanel</name>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="25"/>
        <source>Check-in progress</source>
        <translation>受付の進み具合</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="26"/>
        <source>Check-in</source>
        <translation>受付</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="30"/>
        <source>Check-in state</source>
        <translation>受付の状態</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="47"/>
        <source>Suggested patient</source>
        <translation>候補の患者</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="51"/>
        <source>Check-in message</source>
        <translation>受付のメッセージ</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="54"/>
        <source>Queue number</source>
        <translation>受付番号</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="57"/>
        <source>Patient enters &amp;PIN…</source>
        <translation>患者が暗証番号を入力(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="58"/>
        <source>Patient enters PIN</source>
        <translation>患者が暗証番号を入力</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="60"/>
        <source>Use the &amp;face reader</source>
        <translation>顔認証リーダーを使う(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="61"/>
        <source>Use the face reader</source>
        <translation>顔認証リーダーを使う</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="63"/>
        <source>By &amp;insurance number…</source>
        <translation>保険者番号で確認(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="64"/>
        <source>Eligibility by insurance number</source>
        <translation>保険者番号で資格確認</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="66"/>
        <source>Continue with a &amp;declaration (申立書)</source>
        <translation>被保険者資格申立書で続ける(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="67"/>
        <source>Continue with a declaration</source>
        <translation>被保険者資格申立書で続ける</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="69"/>
        <source>&amp;Cancel check-in</source>
        <translation>受付を中止(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="70"/>
        <source>Cancel check-in</source>
        <translation>受付を中止</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="118"/>
        <source>Tries left: %1</source>
        <translation>残り回数: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="125"/>
        <source>No. %1</source>
        <translation>受付番号 %1</translation>
    </message>
    <message>
        <source>Card linked to: %1 (check that this is the patient)</source>
        <translation>このカードの登録患者: %1 様（ご本人か確認してください）</translation>
    </message>
    <message>
        <source>&amp;Visual check of the card (目視確認)…</source>
        <translation>目視確認(&amp;V)…</translation>
    </message>
    <message>
        <source>Visual check of the card</source>
        <translation>目視確認</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="45"/>
        <location filename="../../reception_app/ui/desk/window.py" line="46"/>
        <source>Reception desk</source>
        <translation>受付</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="45"/>
        <source> — DEMO (synthetic data)</source>
        <translation> — デモ(架空のデータ)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="54"/>
        <source>Queue and search</source>
        <translation>受付一覧と検索</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="55"/>
        <location filename="../../reception_app/ui/desk/window.py" line="217"/>
        <source>Today&apos;s &amp;queue</source>
        <translation>本日の受付(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="56"/>
        <location filename="../../reception_app/ui/desk/window.py" line="218"/>
        <source>Patient &amp;search</source>
        <translation>患者検索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="68"/>
        <source>Reader status</source>
        <translation>リーダーの状態</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="118"/>
        <source>Eligibility service: not checked</source>
        <translation>資格確認: 未確認</translation>
    </message>
    <message>
        <source>Eligibility service: connecting…</source>
        <translation>資格確認: 起動中…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="70"/>
        <source>Connection status</source>
        <translation>接続状態</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="71"/>
        <source>Not logged in</source>
        <translation>未ログイン</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="72"/>
        <source>Staff user</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="78"/>
        <source>DEMO — synthetic patients only</source>
        <translation>デモ — 架空の患者のみ</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="80"/>
        <source>Demo mode</source>
        <translation>デモモード</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="158"/>
        <location filename="../../reception_app/ui/desk/window.py" line="160"/>
        <source>QA panel</source>
        <translation>QAパネル</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="197"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="198"/>
        <source>Staff &amp;login…</source>
        <translation>職員ログイン(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="199"/>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="200"/>
        <source>Set-up &amp;wizard…</source>
        <translation>初期設定ウィザード(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="201"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="206"/>
        <source>&amp;Check-in</source>
        <translation>受付(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="207"/>
        <source>Patient enters &amp;PIN…</source>
        <translation>患者が暗証番号を入力(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="208"/>
        <source>Use the &amp;face reader</source>
        <translation>顔認証リーダーを使う(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="209"/>
        <source>By &amp;insurance number…</source>
        <translation>保険者番号で確認(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="210"/>
        <source>&amp;Cancel check-in</source>
        <translation>受付を中止(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="211"/>
        <source>Unassigned face-reader res&amp;ults…</source>
        <translation>未割当の顔認証結果(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="216"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="228"/>
        <source>Reader: %1 — card present</source>
        <translation>リーダー: %1 — カードあり</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="231"/>
        <location filename="../../reception_app/ui/desk/window.py" line="235"/>
        <source>Reader: %1 — no card</source>
        <translation>リーダー: %1 — カードなし</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="237"/>
        <source>Reader: %1 disconnected</source>
        <translation>リーダー: %1 が外れました</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="240"/>
        <source>Reader service unavailable: %1</source>
        <translation>カードリーダーのサービスが使えません: %1</translation>
    </message>
    <message>
        <source>Eligibility service: online</source>
        <translation>資格確認: オンライン</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="150"/>
        <location filename="../../reception_app/ui/desk/window.py" line="265"/>
        <source>⚠ Eligibility service: OFFLINE</source>
        <translation>⚠ 資格確認: オフライン</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reception_app/ui/desk/window.py" line="281"/>
        <source>%n offline check-in(s) re-confirmed.</source>
        <translation>
            <numerusform>オフラインの受付 %n 件を再確認しました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="307"/>
        <source>Checked in: No. %1</source>
        <translation>受付完了: 受付番号 %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="345"/>
        <location filename="../../reception_app/ui/desk/window.py" line="350"/>
        <source>One PIN try left</source>
        <translation>暗証番号の残りは1回</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="346"/>
        <source>Only one PIN try is left. If it is wrong, the card is locked and only the municipal office can reset it. Let the patient try once more?</source>
        <translation>暗証番号の残り回数は1回です。間違えるとロックされ、市区町村の窓口でしか解除できません。もう一度入力してもらいますか?</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="439"/>
        <source>%1 failed: %2</source>
        <translation>%1 に失敗しました: %2</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="453"/>
        <source>Patient %1 selected</source>
        <translation>患者 %1 を選択しました</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="461"/>
        <source>Staff: %1</source>
        <translation>職員: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="476"/>
        <source>Settings saved. Reader and gateway changes apply at the next start.</source>
        <translation>設定を保存しました。リーダーとゲートウェイの変更は次回の起動から有効です。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="485"/>
        <source>Set-up wizard</source>
        <translation>初期設定ウィザード</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="485"/>
        <source>The set-up wizard is not installed.</source>
        <translation>初期設定ウィザードがインストールされていません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/session.py" line="353"/>
        <source>This computer is not set up yet: run File → Set-up wizard, or start with --demo to try the app.</source>
        <translation>このコンピューターは未設定です。「ファイル → 初期設定ウィザード」を実行するか、--demo で起動してお試しください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/session.py" line="357"/>
        <source>The database stays closed without its passphrase: restart the app to enter it.</source>
        <translation>パスフレーズがないためデータベースを開けません。アプリを再起動して入力してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="149"/>
        <location filename="../../reception_app/ui/session.py" line="360"/>
        <source>The reception services could not start: %1</source>
        <translation>受付のサービスを開始できません: %1</translation>
    </message>
    <message>
        <source>Reader: not found yet</source>
        <translation>リーダー: 確認中</translation>
    </message>
    <message>
        <source>Looking for the same patient</source>
        <translation>同じ患者の検索</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <source>This patient may already have a chart</source>
        <translation>すでにカルテがあるかもしれません</translation>
    </message>
    <message>
        <source>A chart with the same birth date and the same name or kana exists:
%1

Register a new chart anyway? If it is the same person, go back and choose that chart.</source>
        <translation>生年月日が同じで、氏名かカナ氏名も同じカルテがあります:
%1

それでも新しいカルテを作りますか？同じ方の場合は戻って、そのカルテを選んでください。</translation>
    </message>
    <message>
        <source>Register a new chart anyway</source>
        <translation>別の方として新規登録</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>入力に戻る</translation>
    </message>
</context>
<context>
    <name>EligibilityPanel</name>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="354"/>
        <source>None in the result. If the patient shows a paper 受給者証, check it.</source>
        <translation>結果にはありません。紙の受給者証をお持ちの場合は確認してください。</translation>
    </message>
    <message>
        <source>Qualified since (資格取得日)</source>
        <translation>資格取得日</translation>
    </message>
    <message>
        <source>Qualification lost on (資格喪失日)</source>
        <translation>資格喪失日</translation>
    </message>
    <message>
        <source>Reason of loss (喪失事由)</source>
        <translation>喪失事由</translation>
    </message>
    <message>
        <source>Card issued on (交付年月日)</source>
        <translation>交付年月日</translation>
    </message>
    <message>
        <source>Card valid from (有効開始日)</source>
        <translation>有効開始日</translation>
    </message>
    <message>
        <source>Card valid until (有効終了日)</source>
        <translation>有効終了日</translation>
    </message>
    <message>
        <source>Partial contribution ratio (一部負担金割合)</source>
        <translation>一部負担金割合</translation>
    </message>
    <message>
        <source>Preschool (未就学)</source>
        <translation>未就学区分</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="578"/>
        <source>valid on the visit day</source>
        <translation>受診日に有効</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="579"/>
        <source>NOT valid on the visit day</source>
        <translation>受診日に無効</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="580"/>
        <source>No eligibility result yet. Place a card on the reader.</source>
        <translation>まだ資格確認の結果はありません。カードをリーダーに置いてください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="581"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="582"/>
        <source>OFFLINE</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="585"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="586"/>
        <source>Note</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="587"/>
        <source>Warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="588"/>
        <source>Warnings</source>
        <translation>注意事項</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="589"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="590"/>
        <source>Kana</source>
        <translation>カナ氏名</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="591"/>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="592"/>
        <source>age %1</source>
        <translation>%1 歳</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="593"/>
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="594"/>
        <source>Address (as the insurer holds it)</source>
        <translation>住所(保険者の登録)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="595"/>
        <source>Other name (通称名)</source>
        <translation>通称名</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="596"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="597"/>
        <source>marks a character the OQS could not send (外字). Keep the chart spelling.</source>
        <translation>はオンライン資格確認で送れない文字(外字)です。カルテの表記を残してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="598"/>
        <source>照会番号 (reference number)</source>
        <translation>照会番号</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="599"/>
        <source>Copay</source>
        <translation>負担割合</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="600"/>
        <source>Insurer</source>
        <translation>保険者</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="601"/>
        <source>Symbol and number</source>
        <translation>記号・番号</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="602"/>
        <source>branch</source>
        <translation>枝番</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="603"/>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="604"/>
        <source>Insurance</source>
        <translation>保険</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="605"/>
        <source>高齢受給者 (elderly recipient)</source>
        <translation>高齢受給者</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="606"/>
        <source>Ratio</source>
        <translation>割合</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="607"/>
        <source>Valid</source>
        <translation>有効期間</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="608"/>
        <source>限度額 (limit class)</source>
        <translation>限度額適用</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="609"/>
        <source>Class</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="610"/>
        <source>特定疾病 (specific diseases)</source>
        <translation>特定疾病</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="611"/>
        <source>医療扶助 tickets (医療券)</source>
        <translation>医療扶助(医療券)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="612"/>
        <source>Subsidies (公費), in claim order</source>
        <translation>公費(請求順)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="620"/>
        <source>Visit date</source>
        <translation>受診日</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="622"/>
        <source>Merged eligibility</source>
        <translation>資格情報のまとめ</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="623"/>
        <source>Insurance, subsidies and warnings for the current patient</source>
        <translation>現在の患者の保険・公費・注意事項</translation>
    </message>
    <message>
        <source>Last confirmed on %1. Re-confirmation is queued for when the connection is back.</source>
        <translation>最終確認は%1です。接続が戻ったら自動で再確認します。</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>Insured person (被保険者)</source>
        <translation>被保険者氏名</translation>
    </message>
    <message>
        <source>Insured or family (本人・家族)</source>
        <translation>本人・家族の別</translation>
    </message>
    <message>
        <source>Certificate issued on (交付年月日)</source>
        <translation>交付年月日</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>認定証</translation>
    </message>
    <message>
        <source>Long-term since (長期該当年月日)</source>
        <translation>長期該当年月日</translation>
    </message>
    <message>
        <source>Disease category (疾病区分)</source>
        <translation>疾病区分</translation>
    </message>
    <message>
        <source>Monthly self-pay limit (自己負担限度額)</source>
        <translation>自己負担限度額（月額）</translation>
    </message>
    <message>
        <source>#</source>
        <translation>順位</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>制度</translation>
    </message>
    <message>
        <source>法別</source>
        <translation>法別</translation>
    </message>
    <message>
        <source>Payer (負担者番号)</source>
        <translation>負担者番号</translation>
    </message>
    <message>
        <source>Recipient (受給者番号)</source>
        <translation>受給者番号</translation>
    </message>
    <message>
        <source>On the visit day</source>
        <translation>受診日</translation>
    </message>
    <message>
        <source>Monthly cap</source>
        <translation>月額上限</translation>
    </message>
    <message>
        <source>Today&apos;s copay at the desk (an estimate)</source>
        <translation>本日の窓口負担の目安</translation>
    </message>
    <message>
        <source>Health insurance</source>
        <translation>医療保険</translation>
    </message>
    <message>
        <source>no ratio given</source>
        <translation>負担割合の記載なし</translation>
    </message>
    <message>
        <source>at most %1 per visit</source>
        <translation>1回 %1まで</translation>
    </message>
    <message>
        <source>at most %1 a month</source>
        <translation>月額 %1まで</translation>
    </message>
    <message>
        <source>Subsidy %1</source>
        <translation>公費%1</translation>
    </message>
    <message>
        <source>%1 of the medical cost</source>
        <translation>医療費の%1</translation>
    </message>
    <message>
        <source>(up to the monthly cap of %1, less what was paid this month)</source>
        <translation>（月額上限 %1から今月の支払済額を引いた額まで）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>本日の負担</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>例</translation>
    </message>
    <message>
        <source>a visit of %1 costs the patient %2</source>
        <translation>医療費が%1なら窓口負担は%2</translation>
    </message>
    <message>
        <source>An estimate only: the certificate&apos;s terms and the 上限額管理票 (monthly record) decide.</source>
        <translation>概算です。受給者証の条件と自己負担上限額管理票で確認してください。</translation>
    </message>
    <message>
        <source>(%1 more items this version cannot label)</source>
        <translation>（この版では名前を表示できない項目が%1件あります）</translation>
    </message>
    <message>
        <source>Show details (the raw elements)</source>
        <translation>詳細（元の項目）を表示</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>詳細を隠す</translation>
    </message>
    <message>
        <source>Details (the raw elements)</source>
        <translation>詳細（元の項目）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>nothing to pay at the desk</source>
        <translation>窓口負担なし</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="21"/>
        <source>Something went wrong. See the log for details.</source>
        <translation>問題が発生しました。詳しくはログをご覧ください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="22"/>
        <source>An unexpected problem stopped the check-in; nothing was saved.</source>
        <translation>予期しない問題で受付を中止しました。何も保存されていません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="23"/>
        <source>The check-in took too long and was stopped.</source>
        <translation>受付に時間がかかりすぎたため中止しました。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="25"/>
        <source>The check-in was cancelled.</source>
        <translation>受付を中止しました。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="26"/>
        <source>The check-in could not continue.</source>
        <translation>受付を続けられませんでした。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="27"/>
        <source>The card was removed from the reader. Place it again to restart.</source>
        <translation>カードがリーダーから外されました。置き直すと最初からやり直します。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="28"/>
        <source>This card is not a My Number Card.</source>
        <translation>このカードはマイナンバーカードではありません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="29"/>
        <source>The PIN was wrong.</source>
        <translation>暗証番号が違います。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="30"/>
        <source>The PIN is blocked. Only the municipal office (市区町村窓口) can reset it. Use the face reader, the insurance number, or 目視確認.</source>
        <translation>暗証番号がロックされています。解除は市区町村窓口でのみできます。顔認証、保険者番号、または目視確認をご利用ください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="34"/>
        <source>Only one PIN try is left. Confirm before the patient tries, or use another path.</source>
        <translation>暗証番号の残りは1回です。入力の前に確認するか、別の方法を使ってください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="37"/>
        <source>The card could not be read. Place it again.</source>
        <translation>カードを読み取れません。置き直してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="38"/>
        <source>The eligibility service cannot be reached (offline).</source>
        <translation>資格確認のサービスに接続できません(オフライン)。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="39"/>
        <source>Eligibility could not be obtained.</source>
        <translation>資格情報を取得できませんでした。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="40"/>
        <source>This action is not possible at this step.</source>
        <translation>この段階ではその操作はできません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="41"/>
        <source>The input is not valid.</source>
        <translation>入力が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="42"/>
        <source>The record could not be saved; nothing was written. Try again.</source>
        <translation>保存できませんでした。何も書き込まれていません。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="43"/>
        <source>That face-reader result is no longer waiting (it was discarded or taken meanwhile).</source>
        <translation>その顔認証結果はもう待っていません（破棄されたか、別の受付が使いました）。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="46"/>
        <source>The smart-card service is not running. Start it (pcscd, or the Windows Smart Card service).</source>
        <translation>スマートカードのサービスが動いていません。サービス（pcscd または Windows の Smart Card サービス）を開始してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="50"/>
        <source>The installed fonts cannot be listed on this computer.</source>
        <translation>このコンピューターではインストール済みのフォントを一覧できません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="51"/>
        <source>The card could not be read.</source>
        <translation>カードを読み取れませんでした。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="52"/>
        <source>The card reader is not available (unplugged or switched off).</source>
        <translation>カードリーダーを使えません（外れているか、電源が切れています）。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="53"/>
        <source>The smart-card service (PC/SC) is not running.</source>
        <translation>スマートカードのサービス（PC/SC）が動いていません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="54"/>
        <source>No card reader was found.</source>
        <translation>カードリーダーが見つかりません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="55"/>
        <source>There is no card on the reader.</source>
        <translation>リーダーにカードがありません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="56"/>
        <source>The card was removed from the reader. Place it again.</source>
        <translation>カードがリーダーから外されました。置き直してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="57"/>
        <source>Communication with the card failed. Place it again.</source>
        <translation>カードとの通信に失敗しました。置き直してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="58"/>
        <source>Another program reset the card. Try again.</source>
        <translation>別のプログラムがカードをリセットしました。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="59"/>
        <source>The card sent an answer that cannot be understood.</source>
        <translation>カードから読み取れない応答が返りました。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="60"/>
        <source>The card did not answer in time. Place it again.</source>
        <translation>カードが時間内に応答しませんでした。置き直してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="62"/>
        <source>This card does not carry the needed application (a smartphone carries only the certificate).</source>
        <translation>このカードには必要なアプリケーションがありません（スマートフォンには電子証明書のみが入っています）。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="66"/>
        <source>A file the app needs was not found on the card.</source>
        <translation>必要なファイルがカードにありません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="67"/>
        <source>The card refused: the PIN must be entered first.</source>
        <translation>カードが拒否しました。先に暗証番号の入力が必要です。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="68"/>
        <source>The card gave an unexpected answer.</source>
        <translation>カードから想定外の応答が返りました。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="69"/>
        <source>Data read from the card is not in the expected format.</source>
        <translation>カードから読み取ったデータの形式が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="70"/>
        <source>The certificate on the card is not valid.</source>
        <translation>カードの電子証明書が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="71"/>
        <source>The card&apos;s signature does not match its certificate.</source>
        <translation>カードの署名が電子証明書と一致しません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="72"/>
        <source>The PIN could not be used.</source>
        <translation>暗証番号を使えませんでした。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="73"/>
        <source>The PIN is not in the right form. Nothing was sent to the card.</source>
        <translation>暗証番号の形式が正しくありません。カードには何も送っていません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="77"/>
        <source>The PIN is blocked after too many wrong entries. It can be reset at the municipal office (市区町村窓口).</source>
        <translation>暗証番号が誤入力の繰り返しでロックされました。市区町村窓口で解除できます。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="81"/>
        <source>Only one PIN try is left; the PIN was not sent. Confirm the last try first.</source>
        <translation>暗証番号の残りは1回のため、送信していません。最後の1回であることを確認してから入力してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="84"/>
        <source>This card has no PIN (face authentication only). Use the face reader.</source>
        <translation>このカードには暗証番号が設定されていません（顔認証専用）。顔認証リーダーをご利用ください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="85"/>
        <source>Refused: the command would have read the individual number (My Number).</source>
        <translation>個人番号（マイナンバー）を読み取る操作のため、実行しませんでした。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="88"/>
        <source>The virtual card&apos;s profile is missing or invalid.</source>
        <translation>仮想カードのプロファイルがないか、正しくありません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="89"/>
        <source>The eligibility data could not be used.</source>
        <translation>資格情報を処理できませんでした。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="90"/>
        <source>A result file from the OQS terminal or gateway cannot be read.</source>
        <translation>資格確認端末またはゲートウェイの結果ファイルを読み取れません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="93"/>
        <source>The Japanese-era date (和暦) is not valid.</source>
        <translation>和暦の日付が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="95"/>
        <source>The request to the OQS terminal failed.</source>
        <translation>資格確認端末への要求に失敗しました。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="96"/>
        <source>The OQS terminal did not answer in time.</source>
        <translation>資格確認端末が時間内に応答しませんでした。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="97"/>
        <source>The OQS terminal wrote a result file that cannot be read.</source>
        <translation>資格確認端末の結果ファイルを読み取れません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="98"/>
        <source>The OQS terminal&apos;s shared folder cannot be reached.</source>
        <translation>資格確認端末の共有フォルダーに接続できません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="99"/>
        <source>The online qualification system returned an error.</source>
        <translation>オンライン資格確認システムがエラーを返しました。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="100"/>
        <source>The online qualification system has not finished yet. Try again shortly.</source>
        <translation>オンライン資格確認システムの処理がまだ終わっていません。少し待ってからお試しください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="103"/>
        <source>This kind of query is not possible with the configured connection.</source>
        <translation>設定されている接続ではこの照会はできません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="106"/>
        <source>No result came from the face reader in time.</source>
        <translation>顔認証リーダーから時間内に結果が届きませんでした。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="107"/>
        <source>The face reader&apos;s result cannot be matched to this patient with certainty.</source>
        <translation>顔認証リーダーの結果がこの患者のものか確定できません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="110"/>
        <source>The eligibility gateway failed.</source>
        <translation>資格確認ゲートウェイでエラーが発生しました。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="111"/>
        <source>The eligibility gateway did not answer in time.</source>
        <translation>資格確認ゲートウェイが時間内に応答しませんでした。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="112"/>
        <source>The eligibility gateway is not reachable.</source>
        <translation>資格確認ゲートウェイに接続できません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="113"/>
        <source>The gateway&apos;s certificate was not accepted.</source>
        <translation>ゲートウェイの証明書を受け入れられませんでした。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="114"/>
        <source>The eligibility gateway sent an answer that does not follow the protocol.</source>
        <translation>資格確認ゲートウェイの応答が取り決めどおりの形式ではありません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="117"/>
        <source>The sign-in challenge expired. Try again.</source>
        <translation>認証の有効期限が切れました。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="118"/>
        <source>The sign-in challenge was already used. Try again.</source>
        <translation>認証情報はすでに使われています。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="119"/>
        <source>The gateway rejected the card&apos;s signature.</source>
        <translation>ゲートウェイがカードの署名を拒否しました。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="120"/>
        <source>The eligibility gateway refused the request.</source>
        <translation>資格確認ゲートウェイが要求を拒否しました。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="121"/>
        <source>The face reader&apos;s folder cannot be read.</source>
        <translation>顔認証リーダーのフォルダーを読めません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="122"/>
        <source>The record of processed results cannot be written.</source>
        <translation>処理済み結果の記録を書き込めません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="123"/>
        <source>The OQS simulator&apos;s profile is missing or invalid.</source>
        <translation>資格確認シミュレーターのプロファイルがないか、正しくありません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="124"/>
        <source>The database could not be used.</source>
        <translation>データベースを使用できませんでした。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="125"/>
        <source>The database %1 cannot be opened with this key or passphrase. Nothing was changed.</source>
        <translation>このキーまたはパスフレーズではデータベース %1 を開けません。何も変更していません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="128"/>
        <source>The database key is not available.</source>
        <translation>データベースのキーがありません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="129"/>
        <source>No OS keyring is available on this computer; use a passphrase instead.</source>
        <translation>このコンピューターでは OS のキーリングを使えません。パスフレーズをご利用ください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="132"/>
        <source>No OS keyring is available and no passphrase was given.</source>
        <translation>OS のキーリングが使えず、パスフレーズも入力されていません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="135"/>
        <source>The OS keyring has no key for this database (another user or computer?) and no passphrase was given.</source>
        <translation>OS のキーリングにこのデータベースのキーがありません（別のユーザーまたはコンピューター？）。パスフレーズも入力されていません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="139"/>
        <source>This database needs its passphrase.</source>
        <translation>このデータベースにはパスフレーズが必要です。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="140"/>
        <source>The passphrase is too short.</source>
        <translation>パスフレーズが短すぎます。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="141"/>
        <source>There is no database at %1. Create one with the set-up wizard.</source>
        <translation>%1 にデータベースがありません。セットアップウィザードで作成してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="144"/>
        <source>A database already exists at %1; it was left untouched.</source>
        <translation>%1 にはすでにデータベースがあります。変更していません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="145"/>
        <source>The database %1 is damaged. Restore it from a backup; it was not modified.</source>
        <translation>データベース %1 が破損しています。バックアップから復元してください（ファイルは変更していません）。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="148"/>
        <source>The database is newer than this app. Update the app; the database was not modified.</source>
        <translation>データベースがこのアプリより新しい形式です。アプリを更新してください（データベースは変更していません）。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="151"/>
        <source>The disk is full. The last change was not saved; everything saved before is intact. Free some space and try again.</source>
        <translation>ディスクの空きがありません。直前の変更は保存されていませんが、それまでのデータは無事です。空き容量を確保してからもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="155"/>
        <source>The database or its folder is read-only, so nothing can be saved. Everything saved before is intact.</source>
        <translation>データベースまたはそのフォルダーが読み取り専用のため保存できません。それまでのデータは無事です。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="159"/>
        <source>The database is in use by another program or window. Nothing was lost; try again.</source>
        <translation>データベースが別のプログラムまたはウィンドウで使用中です。データは失われていません。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="162"/>
        <source>Reading or writing the database failed. The last change was not saved.</source>
        <translation>データベースの読み書きに失敗しました。直前の変更は保存されていません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="165"/>
        <source>The record was not found.</source>
        <translation>該当する記録が見つかりません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="166"/>
        <source>A patient with this ID already exists; nothing was changed.</source>
        <translation>この患者IDはすでに使われています。何も変更していません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="169"/>
        <source>This card or insurance is already linked to another patient. Unlink it there first.</source>
        <translation>このカードまたは保険はすでに別の患者に紐付いています。先にそちらの紐付けを解除してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="172"/>
        <source>The record is not valid.</source>
        <translation>記録の内容が正しくありません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="173"/>
        <source>This database location is not supported yet.</source>
        <translation>このデータベースの保存先にはまだ対応していません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="174"/>
        <source>The settings file %1 cannot be used.</source>
        <translation>設定ファイル %1 を使用できません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="175"/>
        <source>The settings file %1 cannot be read.</source>
        <translation>設定ファイル %1 を読み込めません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="176"/>
        <source>The settings file %1 cannot be written.</source>
        <translation>設定ファイル %1 に書き込めません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="177"/>
        <source>The settings file %1 has a bad value for: %2.</source>
        <translation>設定ファイル %1 の次の項目の値が正しくありません: %2</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="165"/>
        <source>This patient is already checked in today (No. %3, %1, %2); no second visit was made.</source>
        <translation>この患者さんは本日すでに受付済みです（%3番・%1・%2）。二重の受付はしていません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="168"/>
        <source>Another desk changed the same record at the same moment; nothing was changed here. Look again and try once more.</source>
        <translation>同じ情報が別の端末で同時に変更されました。こちらでは何も変更していません。内容を確かめてから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="172"/>
        <source>The shared database server %1 cannot be reached. Nothing was changed; check the network and the server, then try again.</source>
        <translation>共有データベースサーバー（%1）に接続できません。何も変更していません。ネットワークとサーバーを確認してから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="176"/>
        <source>The shared database server %1 refused the login. Nothing was changed; ask the administrator to check the account.</source>
        <translation>共有データベースサーバー（%1）にログインできませんでした。何も変更していません。アカウントの確認を管理者に依頼してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="180"/>
        <source>The database account may not do this on %1. Nothing was changed; ask the administrator.</source>
        <translation>データベースのアカウントには、%1 でこの操作を行う権限がありません。何も変更していません。管理者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="183"/>
        <source>The check-in could not be handed off.</source>
        <translation>受付内容を連携できませんでした。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="186"/>
        <source>The FHIR export needs the clinic's 10-digit institution code (医療機関コード): set it in the settings.</source>
        <translation>FHIR出力には10桁の医療機関コードが必要です。設定画面で入力してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="189"/>
        <source>A FHIR bundle built for export did not validate; nothing was written for that visit.</source>
        <translation>出力用に作成したFHIRデータが検証を通りませんでした。この受付分は書き出していません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="192"/>
        <source>The FHIR export folder cannot be written.</source>
        <translation>FHIR出力先のフォルダーに書き込めません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="195"/>
        <source>ORCA could not be reached or refused the request.</source>
        <translation>レセコン（ORCA）に接続できないか、要求を受け付けませんでした。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="198"/>
        <source>ORCA is unavailable. The check-in is kept; try again later.</source>
        <translation>レセコン（ORCA）が応答しません。受付は保存されています。しばらくしてから再送してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="201"/>
        <source>ORCA did not answer in time. The check-in is kept; try again later.</source>
        <translation>レセコン（ORCA）から時間内に応答がありませんでした。受付は保存されています。しばらくしてから再送してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="204"/>
        <source>ORCA refused the user ID, password or client certificate. Ask the administrator to check the ORCA settings.</source>
        <translation>レセコン（ORCA）がユーザーID・パスワードまたはクライアント証明書を受け付けませんでした。ORCAの設定の確認を管理者に依頼してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="208"/>
        <source>ORCA sent an answer in a form this app does not understand.</source>
        <translation>レセコン（ORCA）から想定外の形式の応答がありました。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="211"/>
        <source>ORCA refused the request (result code %1). Check the patient in ORCA.</source>
        <translation>レセコン（ORCA）が要求を受け付けませんでした（結果コード %1）。ORCAで患者情報を確認してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="214"/>
        <source>ORCA already has a patient who may be this one (result code %1). Check in ORCA which patient it is; nothing was registered.</source>
        <translation>ORCAに同一人物の可能性がある患者が登録されています（結果コード %1）。ORCAでどの患者か確認してください。登録はしていません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="218"/>
        <source>ORCA already has this record (result code %1); nothing was registered twice.</source>
        <translation>ORCAにはすでに登録済みです（結果コード %1）。二重には登録していません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="221"/>
        <source>The record is open on another ORCA terminal (result code %1). Close it there and send again.</source>
        <translation>この患者はほかのORCA端末で使用中です（結果コード %1）。そちらを閉じてから再送してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="93"/>
        <source>A number in the result file cannot be read (too long or not digits); the file was not used.</source>
        <translation>資格確認結果ファイルの数値を読み取れません（桁数が多すぎるか、数字ではありません）。このファイルは使用していません。</translation>
    </message>
</context>
<context>
    <name>FaceResults</name>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="46"/>
        <source>No check-in was waiting for a face result</source>
        <translation>受付が顔認証結果を待っていませんでした</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="47"/>
        <source>More than one check-in could take it, or the check-in refused it</source>
        <translation>複数の受付が該当したか、受付が受け取りませんでした</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="48"/>
        <source>The check-in was busy</source>
        <translation>受付が処理中でした</translation>
    </message>
</context>
<context>
    <name>FaceResultsDialog</name>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="109"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="110"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="119"/>
        <source>Unassigned face-reader results</source>
        <translation>未割当の顔認証結果</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="113"/>
        <source>Results from the face reader that no check-in could take. Compare the person with the patient in front of you, then check in with the result (the patient match follows as usual) or discard a stale one.</source>
        <translation>どの受付にも割り当てられなかった顔認証リーダーの結果です。目の前の患者さんと照らし合わせてから、この結果で受付する（患者の照合はいつもどおり続きます）か、古いものを破棄してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="129"/>
        <source>Face-reader results status</source>
        <translation>顔認証結果の状況</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="132"/>
        <source>&amp;Check in with this result</source>
        <translation>この結果で受付(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="133"/>
        <source>Check in with this result</source>
        <translation>この結果で受付</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="134"/>
        <source>&amp;Discard…</source>
        <translation>破棄(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="134"/>
        <source>Discard this result</source>
        <translation>この結果を破棄</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="135"/>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="135"/>
        <source>Refresh the list</source>
        <translation>一覧を更新</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="136"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="136"/>
        <source>Close the list</source>
        <translation>一覧を閉じる</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="165"/>
        <source>No reception services are running.</source>
        <translation>受付サービスが動いていません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reception_app/ui/desk/face_results.py" line="179"/>
        <source>%n face-reader result(s) waiting</source>
        <translation>
            <numerusform>待っている顔認証結果 %n件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="180"/>
        <source>No face-reader results are waiting.</source>
        <translation>待っている顔認証結果はありません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="185"/>
        <source>The list could not be read: %1</source>
        <translation>一覧を読み込めませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="208"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="213"/>
        <source>Discard the face-reader result</source>
        <translation>顔認証結果の破棄</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="209"/>
        <source>Discard this face-reader result? It is removed from the list; the patient uses the face reader again if they still need to check in.</source>
        <translation>この顔認証結果を破棄しますか？一覧から消えます。患者さんがまだ受付をする場合は、もう一度顔認証リーダーを使っていただきます。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="214"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="215"/>
        <source>Discard</source>
        <translation>破棄する</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="216"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="217"/>
        <source>Keep</source>
        <translation>残す</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="224"/>
        <source>Discarding…</source>
        <translation>破棄しています…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="229"/>
        <source>That result was no longer waiting.</source>
        <translation>その結果はすでに一覧にありませんでした。</translation>
    </message>
</context>
<context>
    <name>HeldFaces</name>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="249"/>
        <source>Unassigned face-reader results</source>
        <translation>未割当の顔認証結果</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="250"/>
        <source>Face-reader results no check-in could take: open the list (Shift+F3)</source>
        <translation>どの受付にも割り当てられなかった顔認証結果：一覧を開く (Shift+F3)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reception_app/ui/desk/face_results.py" line="287"/>
        <source>Unassigned face-reader results: %n</source>
        <translation>
            <numerusform>未割当の顔認証結果 %n件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="303"/>
        <source>No reception services are running.</source>
        <translation>受付サービスが動いていません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="327"/>
        <source>Finish or cancel the current check-in first (Ctrl+Shift+X).</source>
        <translation>先に今の受付を終えるか取り消してください (Ctrl+Shift+X)。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="333"/>
        <source>Check-in with a face-reader result</source>
        <translation>顔認証結果からの受付</translation>
    </message>
</context>
<context>
    <name>InsuranceNumberDialog</name>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="401"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="402"/>
        <source>Eligibility by insurance number</source>
        <translation>保険者番号で資格確認</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="404"/>
        <source>Insurer number</source>
        <translation>保険者番号</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="406"/>
        <source>Symbol</source>
        <translation>記号</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="408"/>
        <source>Number</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="410"/>
        <source>Branch number</source>
        <translation>枝番</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="413"/>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="417"/>
        <source>&amp;Insurer number (保険者番号)</source>
        <translation>保険者番号(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="418"/>
        <source>S&amp;ymbol (記号)</source>
        <translation>記号(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="419"/>
        <source>N&amp;umber (番号)</source>
        <translation>番号(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="420"/>
        <source>&amp;Branch (枝番)</source>
        <translation>枝番(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="421"/>
        <source>Birth &amp;date</source>
        <translation>生年月日(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="423"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="424"/>
        <source>Ask OQS</source>
        <translation>オンライン資格確認に照会</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="425"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="426"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="437"/>
        <source>The insurer number and the number are required.</source>
        <translation>保険者番号と番号は必須です。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="441"/>
        <source>The insurer number has 6 or 8 digits.</source>
        <translation>保険者番号は6桁か8桁です。</translation>
    </message>
    <message>
        <source>e.g. S63.3.9, S630309 or 1988-03-09</source>
        <translation>例: S63.3.9、S630309、1988/3/9</translation>
    </message>
    <message>
        <source>The birth date cannot be read: write it as S63.3.9, S630309 or 1988-03-09.</source>
        <translation>生年月日が読めません。S63.3.9、S630309、1988/3/9 のように入力してください。</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="14"/>
        <source>Please place your My Number Card on the reader.</source>
        <translation>マイナンバーカードを読取機[よみとりき]に置[お]いてください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="15"/>
        <source>Reception</source>
        <translation>受付[うけつけ]</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="16"/>
        <source>Reading your card. Please do not remove it.</source>
        <translation>カードを読[よ]み取[と]っています。カードを取[と]らないでください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="17"/>
        <source>Please enter your 4-digit PIN.</source>
        <translation>4桁[けた]の暗証番号[あんしょうばんごう]を入力[にゅうりょく]してください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="18"/>
        <source>Tries left: %1</source>
        <translation>残[のこ]り回数[かいすう]: %1回[かい]</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="19"/>
        <source>Cover the keypad with your hand while you type.</source>
        <translation>入力[にゅうりょく]するときは手[て]で隠[かく]してください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="20"/>
        <source>Only one try is left. If the PIN is wrong again, the card is locked and only your city office can unlock it.</source>
        <translation>残[のこ]りは1回[かい]です。間違[まちが]えるとカードがロックされ、市区町村[しくちょうそん]の窓口[まどぐち]でしか解除[かいじょ]できません</translation>
    </message>
    <message>
        <source>Are you sure of your PIN?</source>
        <translation>暗証番号[あんしょうばんごう]をまちがいなく覚[おぼ]えていますか</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="25"/>
        <source>Checking your insurance. Please wait.</source>
        <translation>保険[ほけん]を確認[かくにん]しています。お待[ま]ちください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="26"/>
        <source>Check-in is complete.</source>
        <translation>受付[うけつけ]が完了[かんりょう]しました</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="27"/>
        <source>Your number</source>
        <translation>あなたの番号[ばんごう]</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="28"/>
        <source>Please take your ticket and wait until your number is called.</source>
        <translation>受付票[うけつけひょう]をお取[と]りになり、番号[ばんごう]が呼[よ]ばれるまでお待[ま]ちください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="29"/>
        <source>%1, thank you.</source>
        <translation>%1 様[さま]、ありがとうございました</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="30"/>
        <source>Please ask the staff at the reception desk.</source>
        <translation>受付[うけつけ]の職員[しょくいん]にお声[こえ]がけください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="31"/>
        <source>Please place your card on the face-recognition card reader and look at its camera.</source>
        <translation>顔認証付[かおにんしょうつ]きカードリーダーに
カードを置[お]いて、カメラを見[み]てください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="34"/>
        <source>Check-in continues by itself once the reader has recognised you.</source>
        <translation>本人[ほんにん]と確認[かくにん]されると、受付[うけつけ]は自動[じどう]で進[すす]みます</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="35"/>
        <source>The card&apos;s PIN is locked. You can use face recognition instead.</source>
        <translation>暗証番号[あんしょうばんごう]がロックされています。顔認証[かおにんしょう]で確認[かくにん]できます</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="36"/>
        <source>Only your city office can unlock the PIN.</source>
        <translation>ロックの解除[かいじょ]は市区町村[しくちょうそん]の窓口[まどぐち]でしかできません</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="37"/>
        <source>Please take your card with you.</source>
        <translation>カードをお忘[わす]れなく</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="39"/>
        <source>OK</source>
        <translation>決定[けってい]</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="40"/>
        <source>Clear</source>
        <translation>訂正[ていせい]</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="41"/>
        <source>Delete</source>
        <translation>1文字[もじ]消[け]す</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="42"/>
        <source>Ask the staff</source>
        <translation>職員[しょくいん]を呼[よ]ぶ</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="43"/>
        <source>Enter the PIN</source>
        <translation>暗証番号[あんしょうばんごう]を入力[にゅうりょく]する</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="44"/>
        <source>Use face recognition instead</source>
        <translation>顔認証[かおにんしょう]で確認[かくにん]する</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="45"/>
        <source>Back to the start</source>
        <translation>最初[さいしょ]に戻[もど]る</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="46"/>
        <source>日本語 / English</source>
        <translation>日本語 / English</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="50"/>
        <source>The card&apos;s PIN is locked. The staff will help you.</source>
        <translation>カードの暗証番号[あんしょうばんごう]がロックされています。職員[しょくいん]がお手伝[てつだ]いします</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="51"/>
        <source>The staff will help you check in without using the last try.</source>
        <translation>最後[さいご]の1回[かい]を使[つか]わずに受付[うけつけ]できるよう、職員[しょくいん]がお手伝[てつだ]いします</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="52"/>
        <source>The card was removed before reading finished.</source>
        <translation>読[よ]み取[と]りが終[お]わる前[まえ]にカードが外[はず]されました</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="53"/>
        <source>The card could not be read.</source>
        <translation>カードを読[よ]み取[と]れませんでした</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="54"/>
        <source>This card cannot be used here.</source>
        <translation>このカードはここでは使[つか]えません</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="55"/>
        <source>Your insurance needs to be checked at the desk.</source>
        <translation>保険[ほけん]の確認[かくにん]を受付[うけつけ]でいたします</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="56"/>
        <source>This seems to be your first visit. The staff will register you.</source>
        <translation>初診[しょしん]のようです。職員[しょくいん]が登録[とうろく]いたします</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="57"/>
        <source>The staff need to confirm who you are.</source>
        <translation>ご本人[ほんにん]の確認[かくにん]を職員[しょくいん]がいたします</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="58"/>
        <source>The insurance check is not available right now.</source>
        <translation>ただいま保険[ほけん]の確認[かくにん]ができません</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="59"/>
        <source>It took too long.</source>
        <translation>時間[じかん]が経[た]ったため、最初[さいしょ]に戻[もど]りました</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="60"/>
        <source>The face recognition did not finish in time.</source>
        <translation>顔認証[かおにんしょう]が時間内[じかんない]に終[お]わりませんでした</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="61"/>
        <source>Check-in was stopped.</source>
        <translation>受付[うけつけ]を中止[ちゅうし]しました</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="62"/>
        <source>Something unexpected happened.</source>
        <translation>予期[よき]しないことが起[お]きました</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>The PIN is not correct. Please enter it again.</source>
        <translation>暗証番号[あんしょうばんごう]が違[ちが]います。もう一度[いちど]入力[にゅうりょく]してください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>May this clinic see your past medical and medication records?</source>
        <translation>過去[かこ]の診療[しんりょう]とお薬[くすり]の情報[じょうほう]を、この医療機関[いりょうきかん]に提供[ていきょう]しますか</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Records of your treatments, medicines and operations. They help the doctor treat you safely. You can check in whichever you choose.</source>
        <translation>これまでの診療[しんりょう]・お薬[くすり]・手術[しゅじゅつ]の記録[きろく]です。医師[いし]が安全[あんぜん]に診療[しんりょう]するのに役立[やくだ]ちます。どちらを選[えら]んでも受付[うけつけ]できます</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>May this clinic see your health checkup results?</source>
        <translation>健診[けんしん]の結果[けっか]を、この医療機関[いりょうきかん]に提供[ていきょう]しますか</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Results of the specific health checkup and similar checkups. You can check in whichever you choose.</source>
        <translation>特定健診[とくていけんしん]などの結果[けっか]です。どちらを選[えら]んでも受付[うけつけ]できます</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>A member of staff is on the way. Please wait here.</source>
        <translation>職員[しょくいん]を呼[よ]びました。このままお待[ま]ちください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Your check-in is kept. To go on by yourself, press Continue.</source>
        <translation>受付[うけつけ]はそのまま残[のこ]っています。ご自分[じぶん]で続[つづ]けるときは「続[つづ]ける」を押[お]してください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Please take your card.</source>
        <translation>カードをお取[と]りください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Then the next person can use the reader.</source>
        <translation>次[つぎ]の方[かた]が読取機[よみとりき]を使[つか]えるようになります</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>The card came off the reader. Please place it on the reader again.</source>
        <translation>カードが読取機[よみとりき]から外[はず]れました。もう一度[いちど]カードを置[お]いてください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Please leave the card on the reader until check-in is complete.</source>
        <translation>受付[うけつけ]が終[お]わるまで、カードは置[お]いたままにしてください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>The screen goes back to the start in %1 seconds.</source>
        <translation>あと%1秒[びょう]で最初[さいしょ]の画面[がめん]に戻[もど]ります</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>To go on, touch the screen or press Continue.</source>
        <translation>続[つづ]けるときは、画面[がめん]に触[ふ]れるか「続[つづ]ける」を押[お]してください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Finish</source>
        <translation>終[お]わる</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Continue</source>
        <translation>続[つづ]ける</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>I agree</source>
        <translation>同意[どうい]する</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>I do not agree</source>
        <translation>同意[どうい]しない</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../reception_app/ui/kiosk/window.py" line="102"/>
        <location filename="../../reception_app/ui/kiosk/window.py" line="103"/>
        <source>Reception kiosk</source>
        <translation>再来受付機</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/window.py" line="130"/>
        <source>Staff menu</source>
        <translation>職員メニュー</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/window.py" line="485"/>
        <source>A staff login is needed to leave the kiosk.</source>
        <translation>受付機を終了するには職員のログインが必要です。</translation>
    </message>
</context>
<context>
    <name>MatchDialog</name>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="194"/>
        <source>Which patient is this?</source>
        <translation>どの患者さんですか?</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="195"/>
        <source>Patient match</source>
        <translation>患者の照合</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="215"/>
        <source>Compare the eligibility result with the clinic&apos;s records. Differences are marked. Choose the right patient, or register a new one.</source>
        <translation>資格確認の結果と院内の記録を比べてください。違いには印が付いています。正しい患者を選ぶか、新規登録してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="217"/>
        <source>No patient in the clinic&apos;s records matches. Register a new patient.</source>
        <translation>院内の記録に一致する患者がいません。新規登録してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="222"/>
        <source>Eligibility result</source>
        <translation>資格確認の結果</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="225"/>
        <source>Candidate %1</source>
        <translation>候補 %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="226"/>
        <source>Patient ID</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="241"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="242"/>
        <source>Differs from the eligibility result</source>
        <translation>資格確認の結果と異なります</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="246"/>
        <source>This is the patient (%1)</source>
        <translation>この患者です(%1)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="247"/>
        <source>Choose candidate %1</source>
        <translation>候補 %1 を選ぶ</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="255"/>
        <source>&amp;Register a new patient…</source>
        <translation>新規患者として登録(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="256"/>
        <source>Register a new patient</source>
        <translation>新規患者として登録</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="259"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="298"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="260"/>
        <source>Cancel the match</source>
        <translation>照合をキャンセル</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="270"/>
        <source>New patient (prefilled from the eligibility result)</source>
        <translation>新規患者(資格確認の結果から入力済み)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="283"/>
        <source>Read the card&apos;s basic 4 information with the patient&apos;s PIN</source>
        <translation>患者の暗証番号でカードの基本4情報を読み取る</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="284"/>
        <source>The patient types the 券面事項入力補助 PIN (4 digits).</source>
        <translation>患者が券面事項入力補助用の暗証番号(4桁)を入力します。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="293"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="295"/>
        <source>Register and check in</source>
        <translation>登録して受付</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="296"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="297"/>
        <source>Back to the candidates</source>
        <translation>候補に戻る</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="299"/>
        <source>Cancel the registration</source>
        <translation>登録をキャンセル</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="340"/>
        <source>Please let the patient type the 4-digit PIN for 券面事項入力補助 (the card&apos;s text information).</source>
        <translation>券面事項入力補助用の暗証番号(4桁)を患者さんご本人に入力してもらってください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="319"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="346"/>
        <source>Reading the card…</source>
        <translation>カードを読み取っています…</translation>
    </message>
    <message>
        <source>New patient (no eligibility result: read the card, or type what the patient shows)</source>
        <translation>新規患者（資格確認の結果なし: カードから読み取るか、患者さんが示すものを見て入力してください）</translation>
    </message>
    <message>
        <source>Read name, address, birth date and sex from the card…</source>
        <translation>カードから氏名・住所・生年月日・性別を読み取る…</translation>
    </message>
    <message>
        <source>Link this card to the new chart: I compared the name and birth date on the card with the form</source>
        <translation>このカードを新しいカルテに紐付ける（カード券面の氏名・生年月日と入力内容を照合しました）</translation>
    </message>
    <message>
        <source>Link this card to the new chart</source>
        <translation>このカードを新しいカルテに紐付ける</translation>
    </message>
    <message>
        <source>Read from the card: name, address, birth date and sex. Compare them with what the patient shows.</source>
        <translation>カードから氏名・住所・生年月日・性別を読み取りました。患者さんに確認してください。</translation>
    </message>
</context>
<context>
    <name>PatientPinDialog</name>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="46"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="47"/>
        <source>PIN entry for the patient</source>
        <translation>患者による暗証番号の入力</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="48"/>
        <source>Please let the patient type the 4-digit PIN of the card (利用者証明用).</source>
        <translation>カードの暗証番号(利用者証明用・4桁)を患者さんご本人に入力してもらってください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="68"/>
        <source>Tries left: %1</source>
        <translation>残り回数: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="55"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="55"/>
        <source>Clear</source>
        <translation>訂正</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="57"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="58"/>
        <source>Cancel PIN entry</source>
        <translation>暗証番号の入力をキャンセル</translation>
    </message>
</context>
<context>
    <name>PinKeypad</name>
    <message>
        <location filename="../../reception_app/ui/kiosk/keypad.py" line="20"/>
        <source>PIN keypad</source>
        <translation>暗証番号のテンキー</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/keypad.py" line="24"/>
        <source>PIN digits entered</source>
        <translation>入力済みの桁</translation>
    </message>
</context>
<context>
    <name>QaPanel</name>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="79"/>
        <source>QA panel</source>
        <translation>QAパネル</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="111"/>
        <source>Virtual readers and cards</source>
        <translation>仮想リーダーとカード</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="114"/>
        <source>Virtual reader</source>
        <translation>仮想リーダー</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="117"/>
        <source>Card profile</source>
        <translation>カードのプロファイル</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="122"/>
        <source>&amp;Insert card</source>
        <translation>カードを挿す(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="123"/>
        <source>Insert the card profile</source>
        <translation>プロファイルのカードを挿す</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="125"/>
        <source>&amp;Remove card</source>
        <translation>カードを抜く(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="126"/>
        <source>Remove the card</source>
        <translation>カードを抜く</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="128"/>
        <source>Add a reader</source>
        <translation>リーダーを追加</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="129"/>
        <source>Add a virtual reader</source>
        <translation>仮想リーダーを追加</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="132"/>
        <source>Card in the reader</source>
        <translation>リーダーのカード</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="137"/>
        <source>Reader</source>
        <translation>リーダー</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="138"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="335"/>
        <source>Profile</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="176"/>
        <source>Insert failed: %1</source>
        <translation>挿入に失敗しました: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="189"/>
        <source>No card in this reader.</source>
        <translation>このリーダーにカードはありません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="191"/>
        <source>Card: %1</source>
        <translation>カード: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="196"/>
        <source>Card faults (card in the selected reader)</source>
        <translation>カードの障害(選択中のリーダーのカード)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="201"/>
        <source>Card latency per APDU</source>
        <translation>APDUごとのカードの遅延</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="204"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="210"/>
        <source>off</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="205"/>
        <source>Pull the card after N APDUs</source>
        <translation>N個のAPDUの後にカードを抜く</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="206"/>
        <source>Mute card (never answers)</source>
        <translation>応答しないカード</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="207"/>
        <source>Mute card</source>
        <translation>応答しないカード</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="211"/>
        <source>Garble every Nth answer</source>
        <translation>N回ごとに応答を壊す</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="214"/>
        <source>Forced status words</source>
        <translation>強制ステータスワード</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="215"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="216"/>
        <source>Apply card faults</source>
        <translation>カードの障害を適用</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="219"/>
        <source>Card fault status</source>
        <translation>カード障害の状態</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="220"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="280"/>
        <source>Latency</source>
        <translation>遅延</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="221"/>
        <source>Pull after</source>
        <translation>抜くまで</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="223"/>
        <source>Garble every</source>
        <translation>応答を壊す間隔</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="224"/>
        <source>Forced SW (INS=SW)</source>
        <translation>強制SW(INS=SW)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="232"/>
        <source>Insert a card first.</source>
        <translation>先にカードを挿してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="237"/>
        <source>Not understood: %1 (write INS=SW, e.g. 20=6983)</source>
        <translation>解釈できません: %1(INS=SW の形で。例 20=6983)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="249"/>
        <source>Card faults applied.</source>
        <translation>カードの障害を適用しました。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="254"/>
        <source>Gateway simulator</source>
        <translation>ゲートウェイのシミュレーター</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="259"/>
        <source>Gateway latency</source>
        <translation>ゲートウェイの遅延</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="261"/>
        <source>Gateway HTTP status</source>
        <translation>ゲートウェイのHTTPステータス</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="262"/>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="264"/>
        <source>Gateway down (connection dropped)</source>
        <translation>ゲートウェイ停止(接続を切断)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="265"/>
        <source>Gateway down</source>
        <translation>ゲートウェイ停止</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="266"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="267"/>
        <source>Malformed answers</source>
        <translation>不正な応答</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="271"/>
        <source>Gateway hang</source>
        <translation>ゲートウェイの無応答時間</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="272"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="273"/>
        <source>Apply gateway faults</source>
        <translation>ゲートウェイの障害を適用</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="275"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="276"/>
        <source>Reset all simulator faults</source>
        <translation>シミュレーターの障害をすべて解除</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="279"/>
        <source>Gateway fault status</source>
        <translation>ゲートウェイ障害の状態</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="281"/>
        <source>HTTP status</source>
        <translation>HTTPステータス</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="282"/>
        <source>Hang</source>
        <translation>無応答</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="306"/>
        <source>Simulator faults reset.</source>
        <translation>シミュレーターの障害を解除しました。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="312"/>
        <source>Not applied: %1</source>
        <translation>適用できません: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="314"/>
        <source>Applied.</source>
        <translation>適用しました。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="317"/>
        <source>OQS terminal simulator (face reader)</source>
        <translation>資格確認端末のシミュレーター(顔認証)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="320"/>
        <source>Face result profile</source>
        <translation>顔認証結果のプロファイル</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="321"/>
        <source>Write a &amp;face result</source>
        <translation>顔認証の結果を書き出す(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="322"/>
        <source>Write a face result</source>
        <translation>顔認証の結果を書き出す</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="327"/>
        <source>Partial write pause</source>
        <translation>途中書き込みの待ち時間</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="328"/>
        <source>Write every file twice</source>
        <translation>すべてのファイルを2回書く</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="329"/>
        <source>Duplicate face files</source>
        <translation>顔認証ファイルの重複</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="330"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="331"/>
        <source>Apply terminal faults</source>
        <translation>端末の障害を適用</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="334"/>
        <source>Terminal status</source>
        <translation>端末の状態</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="337"/>
        <source>Partial write</source>
        <translation>途中書き込み</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="348"/>
        <source>Face result written.</source>
        <translation>顔認証の結果を書き出しました。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="349"/>
        <source>Not written: %1</source>
        <translation>書き出せません: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="361"/>
        <source>APDU trace (headers and status words only)</source>
        <translation>APDUトレース(ヘッダーとステータスワードのみ)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="366"/>
        <source>APDU trace</source>
        <translation>APDUトレース</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="369"/>
        <source>Clear trace</source>
        <translation>トレースを消去</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="370"/>
        <source>Clear the APDU trace</source>
        <translation>APDUトレースを消去</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="134"/>
        <source>Kiosk</source>
        <translation>受付機</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="134"/>
        <source>Desk</source>
        <translation>窓口</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="177"/>
        <source>Today&apos;s queue</source>
        <translation>本日の受付</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="178"/>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="179"/>
        <source>Refresh the queue</source>
        <translation>受付一覧を更新</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="182"/>
        <source>Queue status</source>
        <translation>受付一覧の状態</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="195"/>
        <source>No database is open.</source>
        <translation>データベースが開かれていません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reception_app/ui/desk/tables.py" line="201"/>
        <source>%n patient(s) today</source>
        <translation>
            <numerusform>本日 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="204"/>
        <source>The queue could not be read: %1</source>
        <translation>受付一覧を読み込めません: %1</translation>
    </message>
</context>
<context>
    <name>RegistrationFormWidget</name>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="112"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="114"/>
        <source>Kana</source>
        <translation>カナ氏名</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="116"/>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="120"/>
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="124"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="126"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="131"/>
        <source>&amp;Name</source>
        <translation>氏名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="132"/>
        <source>&amp;Kana</source>
        <translation>カナ氏名(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="133"/>
        <source>&amp;Birth date</source>
        <translation>生年月日(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="134"/>
        <source>&amp;Sex</source>
        <translation>性別(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="135"/>
        <source>&amp;Address</source>
        <translation>住所(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="136"/>
        <source>P&amp;hone</source>
        <translation>電話番号(&amp;H)</translation>
    </message>
    <message>
        <source>e.g. S63.3.9, S630309 or 1988-03-09</source>
        <translation>例: S63.3.9、S630309、1988/3/9</translation>
    </message>
    <message>
        <source>Birth date as read</source>
        <translation>読み取った生年月日</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（選んでください）</translation>
    </message>
    <message>
        <source>Not a date yet: write it as S63.3.9, S630309 or 1988-03-09.</source>
        <translation>日付として読めません。S63.3.9、S630309、1988/3/9 のように入力してください。</translation>
    </message>
    <message>
        <source>Enter the name.</source>
        <translation>氏名を入力してください。</translation>
    </message>
    <message>
        <source>Enter the name in kana.</source>
        <translation>カナ氏名を入力してください。</translation>
    </message>
    <message>
        <source>Enter the birth date (S63.3.9, S630309 or 1988-03-09).</source>
        <translation>生年月日を入力してください（S63.3.9、S630309、1988/3/9 など）。</translation>
    </message>
    <message>
        <source>The birth date cannot be read: write it as S63.3.9, S630309 or 1988-03-09.</source>
        <translation>生年月日が読めません。S63.3.9、S630309、1988/3/9 のように入力してください。</translation>
    </message>
    <message>
        <source>Choose the sex.</source>
        <translation>性別を選んでください。</translation>
    </message>
    <message>
        <source>Check this field: %1</source>
        <translation>%1を確認してください。</translation>
    </message>
</context>
<context>
    <name>RelinkDialog</name>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="366"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="368"/>
        <source>Insurance changed</source>
        <translation>保険が変わりました</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="369"/>
        <source>The insurance of %1 has changed. Link the new insurance to this patient?</source>
        <translation>%1 様の保険が変わりました。新しい保険をこの患者に紐付けますか?</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="373"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="375"/>
        <source>Old insurance</source>
        <translation>以前の保険</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="377"/>
        <source>Now</source>
        <translation>現在</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="380"/>
        <source>New insurance</source>
        <translation>新しい保険</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="383"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="384"/>
        <source>Relink to the new insurance</source>
        <translation>新しい保険に紐付け直す</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="385"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Check in without relinking</source>
        <translation>紐付けずに受付</translation>
    </message>
    <message>
        <source>Cancel the check-in</source>
        <translation>中止</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="225"/>
        <source>Search by</source>
        <translation>検索方法</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="227"/>
        <source>Kana (beginning)</source>
        <translation>カナ(前方一致)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="228"/>
        <source>Patient ID</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="229"/>
        <source>Birth date (YYYY-MM-DD)</source>
        <translation>生年月日(YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="230"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="231"/>
        <source>照会番号</source>
        <translation>照会番号</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="236"/>
        <source>Search text</source>
        <translation>検索する文字</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="237"/>
        <source>e.g. ヤマダ</source>
        <translation>例: ヤマダ</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="239"/>
        <source>&amp;Search</source>
        <translation>検索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="240"/>
        <source>Search patients</source>
        <translation>患者を検索</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="243"/>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="246"/>
        <source>Search status</source>
        <translation>検索の状態</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="262"/>
        <source>Type what to search for.</source>
        <translation>検索する文字を入力してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="265"/>
        <source>No database is open.</source>
        <translation>データベースが開かれていません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="269"/>
        <source>Searching…</source>
        <translation>検索しています…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reception_app/ui/desk/tables.py" line="274"/>
        <source>%n patient(s) found</source>
        <translation>
            <numerusform>%n 人見つかりました</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="277"/>
        <source>The search failed: %1</source>
        <translation>検索に失敗しました: %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="44"/>
        <source>Choose Japanese or English.</source>
        <translation>日本語か英語を選んでください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="52"/>
        <source>Choose the PC/SC reader or the simulator.</source>
        <translation>PC/SCリーダーかシミュレーターを選んでください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="62"/>
        <source>This folder does not exist: %1</source>
        <translation>このフォルダーはありません: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="72"/>
        <source>The gateway address must look like https://host:port/.</source>
        <translation>ゲートウェイのアドレスは https://ホスト:ポート/ の形で入力してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="80"/>
        <source>Use https:// for a gateway on another computer.</source>
        <translation>別のコンピューターのゲートウェイには https:// を使ってください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="90"/>
        <source>This file does not exist: %1</source>
        <translation>このファイルはありません: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="98"/>
        <source>A client certificate needs its key, and the other way round.</source>
        <translation>クライアント証明書には鍵が必要です(逆も同じ)。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="106"/>
        <source>The kiosk timeout must be between 10 and 600 seconds.</source>
        <translation>受付機のタイムアウトは10〜600秒にしてください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="112"/>
        <source>Give the kiosk a name.</source>
        <translation>受付機の名前を入力してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>Enter a whole number.</source>
        <translation>整数を入力してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>Enter a number.</source>
        <translation>数値を入力してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>Enter true or false.</source>
        <translation>true か false を入力してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>Choose one of: %1</source>
        <translation>次のどれかを選んでください: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>Enter a value between %1 and %2.</source>
        <translation>%1〜%2 の値を入力してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>Enter the value on one line.</source>
        <translation>値は1行で入力してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>The medical institution code has 10 digits.</source>
        <translation>医療機関コードは10桁です。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>The database location must be a file path.</source>
        <translation>データベースの場所はファイルのパスで指定してください。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="29"/>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="30"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="39"/>
        <source>Settings pages</source>
        <translation>設定のページ</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="44"/>
        <source>PC/SC card reader</source>
        <translation>PC/SCカードリーダー</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="45"/>
        <source>Simulator (QA and demo)</source>
        <translation>シミュレーター(QA・デモ)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="47"/>
        <source>Reader &amp;backend</source>
        <translation>リーダーの種類(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="48"/>
        <source>Reader &amp;name (empty: the first)</source>
        <translation>リーダー名(空欄: 最初のリーダー)(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="49"/>
        <source>Reader</source>
        <translation>リーダー</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="54"/>
        <source>&amp;Face results folder (face)</source>
        <translation>顔認証結果のフォルダー(face)(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="55"/>
        <source>&amp;Request folder (req)</source>
        <translation>要求フォルダー(req)(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="56"/>
        <source>Re&amp;sult folder (res)</source>
        <translation>結果フォルダー(res)(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="58"/>
        <source>OQS terminal</source>
        <translation>資格確認端末</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="63"/>
        <source>&amp;Gateway address</source>
        <translation>ゲートウェイのアドレス(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="64"/>
        <source>Client &amp;certificate</source>
        <translation>クライアント証明書(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="65"/>
        <source>Client &amp;key</source>
        <translation>クライアント鍵(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="66"/>
        <source>&amp;Trusted CA bundle</source>
        <translation>信頼するCA証明書(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="67"/>
        <source>Gateway</source>
        <translation>ゲートウェイ</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="72"/>
        <source>&amp;Printer (empty: the default)</source>
        <translation>プリンター(空欄: 既定のプリンター)(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="73"/>
        <source>Save tickets as PDF in</source>
        <translation>受付票をPDFで保存するフォルダー</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="75"/>
        <source>Printer</source>
        <translation>プリンター</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="82"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="84"/>
        <source>&amp;Idle timeout</source>
        <translation>無操作タイムアウト(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="85"/>
        <source>Kiosk &amp;name</source>
        <translation>受付機の名前(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="86"/>
        <source>Show the &amp;QA panel</source>
        <translation>QAパネルを表示(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="93"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="94"/>
        <source>Kiosk and language</source>
        <translation>受付機と言語</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="103"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="104"/>
        <source>Save settings</source>
        <translation>設定を保存</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="107"/>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="108"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="127"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="128"/>
        <source>Browse</source>
        <translation>参照</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="132"/>
        <source>Choose a folder</source>
        <translation>フォルダーを選択</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="133"/>
        <source>Choose a file</source>
        <translation>ファイルを選択</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="199"/>
        <source>%n setting(s) need attention; nothing was saved.</source>
        <translation>
            <numerusform>%n 件の設定を確認してください。保存していません。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffLoginDialog</name>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="21"/>
        <location filename="../../reception_app/ui/staff_dialog.py" line="22"/>
        <source>Staff login</source>
        <translation>職員ログイン</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="24"/>
        <source>Enter a staff user name and password.</source>
        <translation>職員のユーザー名とパスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="27"/>
        <source>Staff user name</source>
        <translation>職員のユーザー名</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="30"/>
        <source>Staff password</source>
        <translation>職員のパスワード</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="36"/>
        <source>&amp;User name</source>
        <translation>ユーザー名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="37"/>
        <source>&amp;Password</source>
        <translation>パスワード(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="40"/>
        <location filename="../../reception_app/ui/staff_dialog.py" line="41"/>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="44"/>
        <location filename="../../reception_app/ui/staff_dialog.py" line="45"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="54"/>
        <source>No staff accounts are set up. Create one with the database tools.</source>
        <translation>職員アカウントが登録されていません。データベースのツールで作成してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="64"/>
        <source>Enter both the user name and the password.</source>
        <translation>ユーザー名とパスワードの両方を入力してください。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="70"/>
        <source>The staff list cannot be read right now.</source>
        <translation>ただいま職員の一覧を読み込めません。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="78"/>
        <source>Too many wrong attempts.</source>
        <translation>間違いが多すぎます。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="81"/>
        <source>Wrong user name or password.</source>
        <translation>ユーザー名またはパスワードが違います。</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="121"/>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="122"/>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="123"/>
        <location filename="../../reception_app/ui/desk/tables.py" line="145"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="65"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="124"/>
        <location filename="../../reception_app/ui/desk/tables.py" line="146"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="64"/>
        <source>Kana</source>
        <translation>カナ氏名</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="125"/>
        <location filename="../../reception_app/ui/desk/tables.py" line="144"/>
        <source>Patient ID</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="126"/>
        <source>Where</source>
        <translation>受付場所</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="127"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="147"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="66"/>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="148"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="67"/>
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="149"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="63"/>
        <source>Received</source>
        <translation>受信</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="68"/>
        <source>Insurance (masked)</source>
        <translation>保険（一部伏字）</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="69"/>
        <source>Why it waits</source>
        <translation>保留の理由</translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <location filename="../../reception_app/ui/ticket.py" line="53"/>
        <location filename="../../reception_app/ui/ticket.py" line="103"/>
        <source>Reception ticket</source>
        <translation>受付票</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/ticket.py" line="68"/>
        <source>Your number</source>
        <translation>あなたの番号</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/ticket.py" line="90"/>
        <source>Please wait until your number is called.</source>
        <translation>番号が呼ばれるまでお待ちください。</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../reception_app/ui/words.py" line="13"/>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="14"/>
        <source>Certificate</source>
        <translation>電子証明書</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="15"/>
        <source>Identification</source>
        <translation>本人の特定</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="16"/>
        <source>Eligibility</source>
        <translation>資格確認</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="17"/>
        <source>Merge</source>
        <translation>統合</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="18"/>
        <source>Patient match</source>
        <translation>患者の照合</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="19"/>
        <source>Registration</source>
        <translation>登録</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="20"/>
        <source>Check-in</source>
        <translation>受付</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="21"/>
        <source>Ticket</source>
        <translation>受付票</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="26"/>
        <source>Waiting for a card</source>
        <translation>カードを待っています</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="27"/>
        <source>Reading the card</source>
        <translation>カードを読み取り中</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="28"/>
        <source>Waiting for the patient&apos;s PIN</source>
        <translation>患者の暗証番号を待っています</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="29"/>
        <source>PIN blocked</source>
        <translation>暗証番号ロック</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="30"/>
        <source>Asking for eligibility</source>
        <translation>資格を照会中</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="31"/>
        <source>Waiting for the face reader&apos;s result</source>
        <translation>顔認証リーダーの結果を待っています</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="32"/>
        <source>No valid result: decide on the declaration (申立書)</source>
        <translation>有効な結果なし: 被保険者資格申立書で続けるか判断してください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="33"/>
        <source>Choose the patient</source>
        <translation>患者を選んでください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="34"/>
        <source>New patient: registration needed</source>
        <translation>新規患者: 登録が必要</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="35"/>
        <source>Insurance changed: confirm the relink</source>
        <translation>保険変更: 紐付け直しの確認</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="36"/>
        <source>Checking in</source>
        <translation>受付中</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="37"/>
        <source>Checked in</source>
        <translation>受付完了</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="38"/>
        <location filename="../../reception_app/ui/words.py" line="91"/>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="39"/>
        <source>Timed out</source>
        <translation>タイムアウト</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="40"/>
        <source>Card removed</source>
        <translation>カードが外されました</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="41"/>
        <source>Stopped with an error</source>
        <translation>エラーで停止</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="76"/>
        <source>Valid (有効)</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="77"/>
        <source>Invalid (無効)</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="78"/>
        <source>Invalid: a newer qualification exists (無効・新資格あり)</source>
        <translation>無効(新しい資格あり)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="79"/>
        <source>No qualification found (該当資格なし)</source>
        <translation>該当資格なし</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="80"/>
        <source>Several qualifications found (複数該当)</source>
        <translation>複数該当</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="81"/>
        <source>Valid, not registered: medical assistance (有効・未登録)</source>
        <translation>有効(未登録・医療扶助)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="82"/>
        <source>Error: the result is not final</source>
        <translation>エラー: 結果が確定していません</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="88"/>
        <source>Waiting</source>
        <translation>待ち</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="89"/>
        <source>Called</source>
        <translation>呼び出し済み</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="90"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="95"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="96"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="97"/>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="101"/>
        <source>照会番号 (reference number)</source>
        <translation>照会番号</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="102"/>
        <source>Insurance number</source>
        <translation>保険者番号等</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="103"/>
        <source>Card linked earlier</source>
        <translation>以前に紐付けたカード</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="104"/>
        <source>Kana and birth date</source>
        <translation>カナ氏名と生年月日</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="105"/>
        <source>Card linked earlier (offline)</source>
        <translation>以前に紐付けたカード(オフライン)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="106"/>
        <source>New registration</source>
        <translation>新規登録</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="107"/>
        <source>Chosen by staff</source>
        <translation>職員が選択</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="111"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="112"/>
        <source>Kana</source>
        <translation>カナ氏名</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="113"/>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="114"/>
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="115"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="116"/>
        <source>Insurance</source>
        <translation>保険</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="117"/>
        <source>Patient ID</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="118"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
</context>
<context>
    <name>EligibilityCodes</name>
    <message>
        <source>code %1 (meaning unknown)</source>
        <translation>コード %1（意味不明）</translation>
    </message>
    <message>
        <source>Insured person (本人)</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>Family member (家族)</source>
        <translation>家族</translation>
    </message>
    <message>
        <source>Health insurance card (general)</source>
        <translation>被保険者証（一般）</translation>
    </message>
    <message>
        <source>Health insurance card (retired)</source>
        <translation>被保険者証（退職）</translation>
    </message>
    <message>
        <source>Short-term card (general)</source>
        <translation>短期被保険者証（一般）</translation>
    </message>
    <message>
        <source>Short-term card (retired)</source>
        <translation>短期被保険者証（退職）</translation>
    </message>
    <message>
        <source>Certificate of qualification (資格証明書)</source>
        <translation>資格証明書</translation>
    </message>
    <message>
        <source>Special retired insured card</source>
        <translation>特例退職被保険者証</translation>
    </message>
    <message>
        <source>Self-Defense Forces medical card</source>
        <translation>自衛官診療証</translation>
    </message>
    <message>
        <source>Medical assistance (医療扶助)</source>
        <translation>医療扶助</translation>
    </message>
    <message>
        <source>後期高齢者: the ratio in the result</source>
        <translation>後期高齢者の一部負担割合</translation>
    </message>
    <message>
        <source>高齢受給者証: the ratio in the result</source>
        <translation>高齢受給者証の負担割合</translation>
    </message>
    <message>
        <source>age 70–74 without 高齢受給者証 (2割 assumed)</source>
        <translation>70〜74歳（高齢受給者証なし・2割と仮定）</translation>
    </message>
    <message>
        <source>preschool child (2割)</source>
        <translation>未就学（2割）</translation>
    </message>
    <message>
        <source>school age to 69 (3割)</source>
        <translation>義務教育就学後〜69歳（3割）</translation>
    </message>
    <message>
        <source>medical assistance (self-pay per 医療券)</source>
        <translation>医療扶助（本人支払額は医療券による）</translation>
    </message>
    <message>
        <source>cannot tell (no birth date)</source>
        <translation>判定不可（生年月日なし）</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>Public assistance (生活保護) began</source>
        <translation>生活保護受給開始</translation>
    </message>
    <message>
        <source>Joined another health insurance</source>
        <translation>医療保険等の資格取得</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Preschool child (未就学)</source>
        <translation>未就学</translation>
    </message>
    <message>
        <source>Dialysis (人工透析)</source>
        <translation>人工透析</translation>
    </message>
    <message>
        <source>Haemophilia (血友病)</source>
        <translation>血友病</translation>
    </message>
    <message>
        <source>HIV infection</source>
        <translation>HIV感染症</translation>
    </message>
    <message>
        <source>Limit certificate (限度額適用認定証)</source>
        <translation>限度額適用認定証</translation>
    </message>
    <message>
        <source>Limit and standard-charge reduction certificate</source>
        <translation>限度額適用・標準負担額減額認定証</translation>
    </message>
    <message>
        <source>Medication information (薬剤情報)</source>
        <translation>薬剤情報</translation>
    </message>
    <message>
        <source>Diagnosis and treatment information (診療情報)</source>
        <translation>診療情報</translation>
    </message>
    <message>
        <source>Health check-up results (特定健診)</source>
        <translation>特定健診等情報</translation>
    </message>
    <message>
        <source>Operation information (手術情報)</source>
        <translation>手術情報</translation>
    </message>
    <message>
        <source>Limit certificate information (限度額)</source>
        <translation>限度額適用認定証情報</translation>
    </message>
    <message>
        <source>特定疾病 certificate information</source>
        <translation>特定疾病療養受療証情報</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>同意なし</translation>
    </message>
    <message>
        <source>given</source>
        <translation>同意あり</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Ticket type (券種)</source>
        <translation>券種</translation>
    </message>
    <message>
        <source>Issue number (交付番号)</source>
        <translation>交付番号</translation>
    </message>
    <message>
        <source>Treatment month (診療年月)</source>
        <translation>診療年月</translation>
    </message>
    <message>
        <source>Treatment type (診療区分)</source>
        <translation>診療区分</translation>
    </message>
    <message>
        <source>Designated institution</source>
        <translation>指定医療機関名</translation>
    </message>
    <message>
        <source>Designated institution code</source>
        <translation>指定医療機関コード</translation>
    </message>
    <message>
        <source>Designated institution flag</source>
        <translation>指定医療機関区分</translation>
    </message>
    <message>
        <source>Prescribing institution</source>
        <translation>処方箋発行医療機関名</translation>
    </message>
    <message>
        <source>Prescribing institution code</source>
        <translation>処方箋発行医療機関コード</translation>
    </message>
    <message>
        <source>Diagnosis 1 (傷病名)</source>
        <translation>傷病名1</translation>
    </message>
    <message>
        <source>Diagnosis 2 (傷病名)</source>
        <translation>傷病名2</translation>
    </message>
    <message>
        <source>Diagnosis 3 (傷病名)</source>
        <translation>傷病名3</translation>
    </message>
    <message>
        <source>Self-pay amount (本人支払額)</source>
        <translation>本人支払額</translation>
    </message>
    <message>
        <source>Single or combined use (単独・併用)</source>
        <translation>単独・併用の別</translation>
    </message>
    <message>
        <source>Social insurance (社会保険の状況)</source>
        <translation>社会保険の状況</translation>
    </message>
    <message>
        <source>Late-elderly care (後期高齢者医療の状況)</source>
        <translation>後期高齢者医療の状況</translation>
    </message>
    <message>
        <source>Infectious disease (感染症の状況)</source>
        <translation>感染症の状況</translation>
    </message>
    <message>
        <source>Prefectural expenses (都道府県費の状況)</source>
        <translation>都道府県費の状況</translation>
    </message>
    <message>
        <source>Consistency flag (整合性)</source>
        <translation>整合性</translation>
    </message>
    <message>
        <source>District caseworker (地区担当員)</source>
        <translation>地区担当員</translation>
    </message>
    <message>
        <source>Handling officer (取扱担当者)</source>
        <translation>取扱担当者</translation>
    </message>
    <message>
        <source>Remarks 1</source>
        <translation>備考1</translation>
    </message>
    <message>
        <source>Remarks 2</source>
        <translation>備考2</translation>
    </message>
    <message>
        <source>Remarks 3</source>
        <translation>備考3</translation>
    </message>
    <message>
        <source>Offline: the result is the last one confirmed, not today&apos;s.</source>
        <translation>オフラインです。表示は前回確認した結果で、本日の確認ではありません。</translation>
    </message>
    <message>
        <source>The card&apos;s certificate has expired (it serves as an insurance card for 3 months).</source>
        <translation>カードの電子証明書の有効期限が切れています（3か月間は保険証として使えます）。</translation>
    </message>
    <message>
        <source>The card&apos;s certificate expires soon.</source>
        <translation>カードの電子証明書の有効期限が近づいています。</translation>
    </message>
    <message>
        <source>The card was taken off after it was read.</source>
        <translation>カードは読み取り後に外されました。</translation>
    </message>
    <message>
        <source>The qualification is not valid on the visit day.</source>
        <translation>受診日に有効な資格がありません。</translation>
    </message>
    <message>
        <source>The card is linked to another chart than the one the result points to.</source>
        <translation>カードが、結果から見つかったカルテとは別のカルテに紐付いています。</translation>
    </message>
    <message>
        <source>The chart found by 照会番号 does not fit the result&apos;s kana or birth date.</source>
        <translation>照会番号で見つかったカルテのカナ氏名か生年月日が結果と合いません。</translation>
    </message>
    <message>
        <source>The chart found by insurance number does not fit the result&apos;s kana or birth date.</source>
        <translation>保険者番号等で見つかったカルテのカナ氏名か生年月日が結果と合いません。</translation>
    </message>
    <message>
        <source>The ticket could not be printed.</source>
        <translation>受付票を印刷できませんでした。</translation>
    </message>
    <message>
        <source>Checked in by a visual check of the card (目視確認): the PIN is blocked.</source>
        <translation>暗証番号がロックされているため、目視確認で受付しました。</translation>
    </message>
</context>
<context>
    <name>VisualCheckDialog</name>
    <message>
        <source>Visual check of the card (目視確認)</source>
        <translation>目視確認</translation>
    </message>
    <message>
        <source>The PIN is blocked. Compare the photo on the card with the patient, then type the name, birth date and sex the card shows (ask the patient for the kana). The check-in is marked as a visual check.</source>
        <translation>暗証番号がロックされています。カードの顔写真とご本人を見比べ、券面の氏名・生年月日・性別を入力してください（カナ氏名は患者さんに確認してください）。この受付は目視確認として記録されます。</translation>
    </message>
    <message>
        <source>I compared the photo on the card with the patient</source>
        <translation>カードの顔写真とご本人を照合しました</translation>
    </message>
    <message>
        <source>Continue the check-in</source>
        <translation>受付を続ける</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
</context>
<context>
    <name>StaffCalls</name>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>consent screens</source>
        <translation>同意の画面</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>PIN entry</source>
        <translation>暗証番号の入力</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>PIN, last try</source>
        <translation>暗証番号・残り1回</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>PIN locked</source>
        <translation>暗証番号のロック</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>waiting for the face reader</source>
        <translation>顔認証の待ち</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>checking the insurance</source>
        <translation>資格確認中</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>card came off the reader</source>
        <translation>カードが外れた</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>sent to the desk</source>
        <translation>窓口へ案内済み</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>Kiosk %1 calls for staff (%2)</source>
        <translation>受付機 %1 で職員を呼んでいます（%2）</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>A kiosk calls for staff</source>
        <translation>受付機からの呼び出し</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>A patient at a kiosk asks for help: click when you go to them</source>
        <translation>受付機の患者さんが職員を呼んでいます。向かうときにクリックしてください</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source> and %1 more</source>
        <translation> ほか%1件</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>Kiosk call</source>
        <translation>受付機からの呼び出し</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>Go to the kiosk now? The alert then leaves every desk.</source>
        <translation>受付機へ向かいますか？ 向かうと、すべての窓口から呼び出しの表示が消えます。</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>I am going</source>
        <translation>対応する</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>Not yet</source>
        <translation>あとで</translation>
    </message>
</context>
</TS>
