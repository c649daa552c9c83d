<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AppSession</name>
    <message>
        <location filename="../../reception_app/ui/session.py" line="168"/>
        <source>Database passphrase</source>
        <translation>Database passphrase</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/session.py" line="169"/>
        <source>Passphrase of the reception database:</source>
        <translation>Passphrase of the reception database:</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/session.py" line="401"/>
        <source>QA panel (demo)</source>
        <translation>QA panel (demo)</translation>
    </message>
</context>
<context>
    <name>CheckInPanel</name>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="25"/>
        <source>Check-in progress</source>
        <translation>Check-in progress</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="26"/>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="30"/>
        <source>Check-in state</source>
        <translation>Check-in state</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="47"/>
        <source>Suggested patient</source>
        <translation>Suggested patient</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="51"/>
        <source>Check-in message</source>
        <translation>Check-in message</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="54"/>
        <source>Queue number</source>
        <translation>Queue number</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="57"/>
        <source>Patient enters &amp;PIN…</source>
        <translation>Patient enters &amp;PIN…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="58"/>
        <source>Patient enters PIN</source>
        <translation>Patient enters PIN</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="60"/>
        <source>Use the &amp;face reader</source>
        <translation>Use the &amp;face reader</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="61"/>
        <source>Use the face reader</source>
        <translation>Use the face reader</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="63"/>
        <source>By &amp;insurance number…</source>
        <translation>By &amp;insurance number…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="64"/>
        <source>Eligibility by insurance number</source>
        <translation>Eligibility by insurance number</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="66"/>
        <source>Continue with a &amp;declaration (申立書)</source>
        <translation>Continue with a &amp;declaration (申立書)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="67"/>
        <source>Continue with a declaration</source>
        <translation>Continue with a declaration</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="69"/>
        <source>&amp;Cancel check-in</source>
        <translation>&amp;Cancel check-in</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="70"/>
        <source>Cancel check-in</source>
        <translation>Cancel check-in</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="118"/>
        <source>Tries left: %1</source>
        <translation>Tries left: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/checkin_panel.py" line="125"/>
        <source>No. %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>Card linked to: %1 (check that this is the patient)</source>
        <translation>Card linked to: %1 (check that this is the patient)</translation>
    </message>
    <message>
        <source>&amp;Visual check of the card (目視確認)…</source>
        <translation>&amp;Visual check of the card (目視確認)…</translation>
    </message>
    <message>
        <source>Visual check of the card</source>
        <translation>Visual check of the card</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="45"/>
        <location filename="../../reception_app/ui/desk/window.py" line="46"/>
        <source>Reception desk</source>
        <translation>Reception desk</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="45"/>
        <source> — DEMO (synthetic data)</source>
        <translation> — DEMO (synthetic data)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="54"/>
        <source>Queue and search</source>
        <translation>Queue and search</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="55"/>
        <location filename="../../reception_app/ui/desk/window.py" line="217"/>
        <source>Today&apos;s &amp;queue</source>
        <translation>Today&apos;s &amp;queue</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="56"/>
        <location filename="../../reception_app/ui/desk/window.py" line="218"/>
        <source>Patient &amp;search</source>
        <translation>Patient &amp;search</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="68"/>
        <source>Reader status</source>
        <translation>Reader status</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="118"/>
        <source>Eligibility service: not checked</source>
        <translation>Eligibility service: not checked</translation>
    </message>
    <message>
        <source>Eligibility service: connecting…</source>
        <translation>Eligibility service: starting…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="70"/>
        <source>Connection status</source>
        <translation>Connection status</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="71"/>
        <source>Not logged in</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="72"/>
        <source>Staff user</source>
        <translation>Staff user</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="78"/>
        <source>DEMO — synthetic patients only</source>
        <translation>DEMO — synthetic patients only</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="80"/>
        <source>Demo mode</source>
        <translation>Demo mode</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="158"/>
        <location filename="../../reception_app/ui/desk/window.py" line="160"/>
        <source>QA panel</source>
        <translation>QA panel</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="197"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="198"/>
        <source>Staff &amp;login…</source>
        <translation>Staff &amp;login…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="199"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="200"/>
        <source>Set-up &amp;wizard…</source>
        <translation>Set-up &amp;wizard…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="201"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="206"/>
        <source>&amp;Check-in</source>
        <translation>&amp;Check-in</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="207"/>
        <source>Patient enters &amp;PIN…</source>
        <translation>Patient enters &amp;PIN…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="208"/>
        <source>Use the &amp;face reader</source>
        <translation>Use the &amp;face reader</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="209"/>
        <source>By &amp;insurance number…</source>
        <translation>By &amp;insurance number…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="210"/>
        <source>&amp;Cancel check-in</source>
        <translation>&amp;Cancel check-in</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="211"/>
        <source>Unassigned face-reader res&amp;ults…</source>
        <translation>Unassigned face-reader res&amp;ults…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="216"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="228"/>
        <source>Reader: %1 — card present</source>
        <translation>Reader: %1 — card present</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="231"/>
        <location filename="../../reception_app/ui/desk/window.py" line="235"/>
        <source>Reader: %1 — no card</source>
        <translation>Reader: %1 — no card</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="237"/>
        <source>Reader: %1 disconnected</source>
        <translation>Reader: %1 disconnected</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="240"/>
        <source>Reader service unavailable: %1</source>
        <translation>Reader service unavailable: %1</translation>
    </message>
    <message>
        <source>Eligibility service: online</source>
        <translation>Eligibility service: online</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="150"/>
        <location filename="../../reception_app/ui/desk/window.py" line="265"/>
        <source>⚠ Eligibility service: OFFLINE</source>
        <translation>⚠ Eligibility service: OFFLINE</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reception_app/ui/desk/window.py" line="281"/>
        <source>%n offline check-in(s) re-confirmed.</source>
        <translation>
            <numerusform>%n offline check-in re-confirmed.</numerusform>
            <numerusform>%n offline check-ins re-confirmed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="307"/>
        <source>Checked in: No. %1</source>
        <translation>Checked in: No. %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="345"/>
        <location filename="../../reception_app/ui/desk/window.py" line="350"/>
        <source>One PIN try left</source>
        <translation>One PIN try left</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="346"/>
        <source>Only one PIN try is left. If it is wrong, the card is locked and only the municipal office can reset it. Let the patient try once more?</source>
        <translation>Only one PIN try is left. If it is wrong, the card is locked and only the municipal office can reset it. Let the patient try once more?</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="439"/>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="453"/>
        <source>Patient %1 selected</source>
        <translation>Patient %1 selected</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="461"/>
        <source>Staff: %1</source>
        <translation>Staff: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="476"/>
        <source>Settings saved. Reader and gateway changes apply at the next start.</source>
        <translation>Settings saved. Reader and gateway changes apply at the next start.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="485"/>
        <source>Set-up wizard</source>
        <translation>Set-up wizard</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="485"/>
        <source>The set-up wizard is not installed.</source>
        <translation>The set-up wizard is not installed.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/session.py" line="353"/>
        <source>This computer is not set up yet: run File → Set-up wizard, or start with --demo to try the app.</source>
        <translation>This computer is not set up yet: run File → Set-up wizard, or start with --demo to try the app.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/session.py" line="357"/>
        <source>The database stays closed without its passphrase: restart the app to enter it.</source>
        <translation>The database stays closed without its passphrase: restart the app to enter it.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/window.py" line="149"/>
        <location filename="../../reception_app/ui/session.py" line="360"/>
        <source>The reception services could not start: %1</source>
        <translation>The reception services could not start: %1</translation>
    </message>
    <message>
        <source>Reader: not found yet</source>
        <translation>Reader: not found yet</translation>
    </message>
    <message>
        <source>Looking for the same patient</source>
        <translation>Looking for the same patient</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <source>This patient may already have a chart</source>
        <translation>This patient may already have a chart</translation>
    </message>
    <message>
        <source>A chart with the same birth date and the same name or kana exists:
%1

Register a new chart anyway? If it is the same person, go back and choose that chart.</source>
        <translation>A chart with the same birth date and the same name or kana exists:
%1

Register a new chart anyway? If it is the same person, go back and choose that chart.</translation>
    </message>
    <message>
        <source>Register a new chart anyway</source>
        <translation>Register a new chart anyway</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>Back to the form</translation>
    </message>
</context>
<context>
    <name>EligibilityPanel</name>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="354"/>
        <source>None in the result. If the patient shows a paper 受給者証, check it.</source>
        <translation>None in the result. If the patient shows a paper 受給者証, check it.</translation>
    </message>
    <message>
        <source>Qualified since (資格取得日)</source>
        <translation>Qualified since (資格取得日)</translation>
    </message>
    <message>
        <source>Qualification lost on (資格喪失日)</source>
        <translation>Qualification lost on (資格喪失日)</translation>
    </message>
    <message>
        <source>Reason of loss (喪失事由)</source>
        <translation>Reason of loss (喪失事由)</translation>
    </message>
    <message>
        <source>Card issued on (交付年月日)</source>
        <translation>Card issued on (交付年月日)</translation>
    </message>
    <message>
        <source>Card valid from (有効開始日)</source>
        <translation>Card valid from (有効開始日)</translation>
    </message>
    <message>
        <source>Card valid until (有効終了日)</source>
        <translation>Card valid until (有効終了日)</translation>
    </message>
    <message>
        <source>Partial contribution ratio (一部負担金割合)</source>
        <translation>Partial contribution ratio (一部負担金割合)</translation>
    </message>
    <message>
        <source>Preschool (未就学)</source>
        <translation>Preschool (未就学)</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consents</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="578"/>
        <source>valid on the visit day</source>
        <translation>valid on the visit day</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="579"/>
        <source>NOT valid on the visit day</source>
        <translation>NOT valid on the visit day</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="580"/>
        <source>No eligibility result yet. Place a card on the reader.</source>
        <translation>No eligibility result yet. Place a card on the reader.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="581"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="582"/>
        <source>OFFLINE</source>
        <translation>OFFLINE</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="585"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="586"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="587"/>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="588"/>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="589"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="590"/>
        <source>Kana</source>
        <translation>Kana</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="591"/>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="592"/>
        <source>age %1</source>
        <translation>age %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="593"/>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="594"/>
        <source>Address (as the insurer holds it)</source>
        <translation>Address (as the insurer holds it)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="595"/>
        <source>Other name (通称名)</source>
        <translation>Other name (通称名)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="596"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="597"/>
        <source>marks a character the OQS could not send (外字). Keep the chart spelling.</source>
        <translation>marks a character the OQS could not send (外字). Keep the chart spelling.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="598"/>
        <source>照会番号 (reference number)</source>
        <translation>照会番号 (reference number)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="599"/>
        <source>Copay</source>
        <translation>Copay</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="600"/>
        <source>Insurer</source>
        <translation>Insurer</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="601"/>
        <source>Symbol and number</source>
        <translation>Symbol and number</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="602"/>
        <source>branch</source>
        <translation>branch</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="603"/>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="604"/>
        <source>Insurance</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="605"/>
        <source>高齢受給者 (elderly recipient)</source>
        <translation>高齢受給者 (elderly recipient)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="606"/>
        <source>Ratio</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="607"/>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="608"/>
        <source>限度額 (limit class)</source>
        <translation>限度額 (limit class)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="609"/>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="610"/>
        <source>特定疾病 (specific diseases)</source>
        <translation>特定疾病 (specific diseases)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="611"/>
        <source>医療扶助 tickets (医療券)</source>
        <translation>医療扶助 tickets (医療券)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="612"/>
        <source>Subsidies (公費), in claim order</source>
        <translation>Subsidies (公費), in claim order</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="620"/>
        <source>Visit date</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="622"/>
        <source>Merged eligibility</source>
        <translation>Merged eligibility</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/eligibility_panel.py" line="623"/>
        <source>Insurance, subsidies and warnings for the current patient</source>
        <translation>Insurance, subsidies and warnings for the current patient</translation>
    </message>
    <message>
        <source>Last confirmed on %1. Re-confirmation is queued for when the connection is back.</source>
        <translation>Last confirmed on %1. Re-confirmation is queued for when the connection is back.</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>Insured person (被保険者)</source>
        <translation>Insured person (被保険者)</translation>
    </message>
    <message>
        <source>Insured or family (本人・家族)</source>
        <translation>Insured or family (本人・家族)</translation>
    </message>
    <message>
        <source>Certificate issued on (交付年月日)</source>
        <translation>Certificate issued on (交付年月日)</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Long-term since (長期該当年月日)</source>
        <translation>Long-term since (長期該当年月日)</translation>
    </message>
    <message>
        <source>Disease category (疾病区分)</source>
        <translation>Disease category (疾病区分)</translation>
    </message>
    <message>
        <source>Monthly self-pay limit (自己負担限度額)</source>
        <translation>Monthly self-pay limit (自己負担限度額)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>法別</source>
        <translation>法別</translation>
    </message>
    <message>
        <source>Payer (負担者番号)</source>
        <translation>Payer (負担者番号)</translation>
    </message>
    <message>
        <source>Recipient (受給者番号)</source>
        <translation>Recipient (受給者番号)</translation>
    </message>
    <message>
        <source>On the visit day</source>
        <translation>On the visit day</translation>
    </message>
    <message>
        <source>Monthly cap</source>
        <translation>Monthly cap</translation>
    </message>
    <message>
        <source>Today&apos;s copay at the desk (an estimate)</source>
        <translation>Today&apos;s copay at the desk (an estimate)</translation>
    </message>
    <message>
        <source>Health insurance</source>
        <translation>Health insurance</translation>
    </message>
    <message>
        <source>no ratio given</source>
        <translation>no ratio given</translation>
    </message>
    <message>
        <source>at most %1 per visit</source>
        <translation>at most %1 per visit</translation>
    </message>
    <message>
        <source>at most %1 a month</source>
        <translation>at most %1 a month</translation>
    </message>
    <message>
        <source>Subsidy %1</source>
        <translation>Subsidy %1</translation>
    </message>
    <message>
        <source>%1 of the medical cost</source>
        <translation>%1 of the medical cost</translation>
    </message>
    <message>
        <source>(up to the monthly cap of %1, less what was paid this month)</source>
        <translation>(up to the monthly cap of %1, less what was paid this month)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>a visit of %1 costs the patient %2</source>
        <translation>a visit of %1 costs the patient %2</translation>
    </message>
    <message>
        <source>An estimate only: the certificate&apos;s terms and the 上限額管理票 (monthly record) decide.</source>
        <translation>An estimate only: the certificate&apos;s terms and the 上限額管理票 (monthly record) decide.</translation>
    </message>
    <message>
        <source>(%1 more items this version cannot label)</source>
        <translation>(%1 more items this version cannot label)</translation>
    </message>
    <message>
        <source>Show details (the raw elements)</source>
        <translation>Show details (the raw elements)</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Hide details</translation>
    </message>
    <message>
        <source>Details (the raw elements)</source>
        <translation>Details (the raw elements)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>nothing to pay at the desk</source>
        <translation>nothing to pay at the desk</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="21"/>
        <source>Something went wrong. See the log for details.</source>
        <translation>Something went wrong. See the log for details.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="22"/>
        <source>An unexpected problem stopped the check-in; nothing was saved.</source>
        <translation>An unexpected problem stopped the check-in; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="23"/>
        <source>The check-in took too long and was stopped.</source>
        <translation>The check-in took too long and was stopped.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="25"/>
        <source>The check-in was cancelled.</source>
        <translation>The check-in was cancelled.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="26"/>
        <source>The check-in could not continue.</source>
        <translation>The check-in could not continue.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="27"/>
        <source>The card was removed from the reader. Place it again to restart.</source>
        <translation>The card was removed from the reader. Place it again to restart.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="28"/>
        <source>This card is not a My Number Card.</source>
        <translation>This card is not a My Number Card.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="29"/>
        <source>The PIN was wrong.</source>
        <translation>The PIN was wrong.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="30"/>
        <source>The PIN is blocked. Only the municipal office (市区町村窓口) can reset it. Use the face reader, the insurance number, or 目視確認.</source>
        <translation>The PIN is blocked. Only the municipal office (市区町村窓口) can reset it. Use the face reader, the insurance number, or 目視確認.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="34"/>
        <source>Only one PIN try is left. Confirm before the patient tries, or use another path.</source>
        <translation>Only one PIN try is left. Confirm before the patient tries, or use another path.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="37"/>
        <source>The card could not be read. Place it again.</source>
        <translation>The card could not be read. Place it again.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="38"/>
        <source>The eligibility service cannot be reached (offline).</source>
        <translation>The eligibility service cannot be reached (offline).</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="39"/>
        <source>Eligibility could not be obtained.</source>
        <translation>Eligibility could not be obtained.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="40"/>
        <source>This action is not possible at this step.</source>
        <translation>This action is not possible at this step.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="41"/>
        <source>The input is not valid.</source>
        <translation>The input is not valid.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="42"/>
        <source>The record could not be saved; nothing was written. Try again.</source>
        <translation>The record could not be saved; nothing was written. Try again.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="43"/>
        <source>That face-reader result is no longer waiting (it was discarded or taken meanwhile).</source>
        <translation>That face-reader result is no longer waiting (it was discarded or taken meanwhile).</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="46"/>
        <source>The smart-card service is not running. Start it (pcscd, or the Windows Smart Card service).</source>
        <translation>The smart-card service is not running. Start it (pcscd, or the Windows Smart Card service).</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="50"/>
        <source>The installed fonts cannot be listed on this computer.</source>
        <translation>The installed fonts cannot be listed on this computer.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="51"/>
        <source>The card could not be read.</source>
        <translation>The card could not be read.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="52"/>
        <source>The card reader is not available (unplugged or switched off).</source>
        <translation>The card reader is not available (unplugged or switched off).</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="53"/>
        <source>The smart-card service (PC/SC) is not running.</source>
        <translation>The smart-card service (PC/SC) is not running.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="54"/>
        <source>No card reader was found.</source>
        <translation>No card reader was found.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="55"/>
        <source>There is no card on the reader.</source>
        <translation>There is no card on the reader.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="56"/>
        <source>The card was removed from the reader. Place it again.</source>
        <translation>The card was removed from the reader. Place it again.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="57"/>
        <source>Communication with the card failed. Place it again.</source>
        <translation>Communication with the card failed. Place it again.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="58"/>
        <source>Another program reset the card. Try again.</source>
        <translation>Another program reset the card. Try again.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="59"/>
        <source>The card sent an answer that cannot be understood.</source>
        <translation>The card sent an answer that cannot be understood.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="60"/>
        <source>The card did not answer in time. Place it again.</source>
        <translation>The card did not answer in time. Place it again.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="62"/>
        <source>This card does not carry the needed application (a smartphone carries only the certificate).</source>
        <translation>This card does not carry the needed application (a smartphone carries only the certificate).</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="66"/>
        <source>A file the app needs was not found on the card.</source>
        <translation>A file the app needs was not found on the card.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="67"/>
        <source>The card refused: the PIN must be entered first.</source>
        <translation>The card refused: the PIN must be entered first.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="68"/>
        <source>The card gave an unexpected answer.</source>
        <translation>The card gave an unexpected answer.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="69"/>
        <source>Data read from the card is not in the expected format.</source>
        <translation>Data read from the card is not in the expected format.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="70"/>
        <source>The certificate on the card is not valid.</source>
        <translation>The certificate on the card is not valid.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="71"/>
        <source>The card&apos;s signature does not match its certificate.</source>
        <translation>The card&apos;s signature does not match its certificate.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="72"/>
        <source>The PIN could not be used.</source>
        <translation>The PIN could not be used.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="73"/>
        <source>The PIN is not in the right form. Nothing was sent to the card.</source>
        <translation>The PIN is not in the right form. Nothing was sent to the card.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="77"/>
        <source>The PIN is blocked after too many wrong entries. It can be reset at the municipal office (市区町村窓口).</source>
        <translation>The PIN is blocked after too many wrong entries. It can be reset at the municipal office (市区町村窓口).</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="81"/>
        <source>Only one PIN try is left; the PIN was not sent. Confirm the last try first.</source>
        <translation>Only one PIN try is left; the PIN was not sent. Confirm the last try first.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="84"/>
        <source>This card has no PIN (face authentication only). Use the face reader.</source>
        <translation>This card has no PIN (face authentication only). Use the face reader.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="85"/>
        <source>Refused: the command would have read the individual number (My Number).</source>
        <translation>Refused: the command would have read the individual number (My Number).</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="88"/>
        <source>The virtual card&apos;s profile is missing or invalid.</source>
        <translation>The virtual card&apos;s profile is missing or invalid.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="89"/>
        <source>The eligibility data could not be used.</source>
        <translation>The eligibility data could not be used.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="90"/>
        <source>A result file from the OQS terminal or gateway cannot be read.</source>
        <translation>A result file from the OQS terminal or gateway cannot be read.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="93"/>
        <source>The Japanese-era date (和暦) is not valid.</source>
        <translation>The Japanese-era date (和暦) is not valid.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="95"/>
        <source>The request to the OQS terminal failed.</source>
        <translation>The request to the OQS terminal failed.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="96"/>
        <source>The OQS terminal did not answer in time.</source>
        <translation>The OQS terminal did not answer in time.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="97"/>
        <source>The OQS terminal wrote a result file that cannot be read.</source>
        <translation>The OQS terminal wrote a result file that cannot be read.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="98"/>
        <source>The OQS terminal&apos;s shared folder cannot be reached.</source>
        <translation>The OQS terminal&apos;s shared folder cannot be reached.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="99"/>
        <source>The online qualification system returned an error.</source>
        <translation>The online qualification system returned an error.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="100"/>
        <source>The online qualification system has not finished yet. Try again shortly.</source>
        <translation>The online qualification system has not finished yet. Try again shortly.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="103"/>
        <source>This kind of query is not possible with the configured connection.</source>
        <translation>This kind of query is not possible with the configured connection.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="106"/>
        <source>No result came from the face reader in time.</source>
        <translation>No result came from the face reader in time.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="107"/>
        <source>The face reader&apos;s result cannot be matched to this patient with certainty.</source>
        <translation>The face reader&apos;s result cannot be matched to this patient with certainty.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="110"/>
        <source>The eligibility gateway failed.</source>
        <translation>The eligibility gateway failed.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="111"/>
        <source>The eligibility gateway did not answer in time.</source>
        <translation>The eligibility gateway did not answer in time.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="112"/>
        <source>The eligibility gateway is not reachable.</source>
        <translation>The eligibility gateway is not reachable.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="113"/>
        <source>The gateway&apos;s certificate was not accepted.</source>
        <translation>The gateway&apos;s certificate was not accepted.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="114"/>
        <source>The eligibility gateway sent an answer that does not follow the protocol.</source>
        <translation>The eligibility gateway sent an answer that does not follow the protocol.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="117"/>
        <source>The sign-in challenge expired. Try again.</source>
        <translation>The sign-in challenge expired. Try again.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="118"/>
        <source>The sign-in challenge was already used. Try again.</source>
        <translation>The sign-in challenge was already used. Try again.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="119"/>
        <source>The gateway rejected the card&apos;s signature.</source>
        <translation>The gateway rejected the card&apos;s signature.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="120"/>
        <source>The eligibility gateway refused the request.</source>
        <translation>The eligibility gateway refused the request.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="121"/>
        <source>The face reader&apos;s folder cannot be read.</source>
        <translation>The face reader&apos;s folder cannot be read.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="122"/>
        <source>The record of processed results cannot be written.</source>
        <translation>The record of processed results cannot be written.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="123"/>
        <source>The OQS simulator&apos;s profile is missing or invalid.</source>
        <translation>The OQS simulator&apos;s profile is missing or invalid.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="124"/>
        <source>The database could not be used.</source>
        <translation>The database could not be used.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="125"/>
        <source>The database %1 cannot be opened with this key or passphrase. Nothing was changed.</source>
        <translation>The database %1 cannot be opened with this key or passphrase. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="128"/>
        <source>The database key is not available.</source>
        <translation>The database key is not available.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="129"/>
        <source>No OS keyring is available on this computer; use a passphrase instead.</source>
        <translation>No OS keyring is available on this computer; use a passphrase instead.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="132"/>
        <source>No OS keyring is available and no passphrase was given.</source>
        <translation>No OS keyring is available and no passphrase was given.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="135"/>
        <source>The OS keyring has no key for this database (another user or computer?) and no passphrase was given.</source>
        <translation>The OS keyring has no key for this database (another user or computer?) and no passphrase was given.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="139"/>
        <source>This database needs its passphrase.</source>
        <translation>This database needs its passphrase.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="140"/>
        <source>The passphrase is too short.</source>
        <translation>The passphrase is too short.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="141"/>
        <source>There is no database at %1. Create one with the set-up wizard.</source>
        <translation>There is no database at %1. Create one with the set-up wizard.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="144"/>
        <source>A database already exists at %1; it was left untouched.</source>
        <translation>A database already exists at %1; it was left untouched.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="145"/>
        <source>The database %1 is damaged. Restore it from a backup; it was not modified.</source>
        <translation>The database %1 is damaged. Restore it from a backup; it was not modified.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="148"/>
        <source>The database is newer than this app. Update the app; the database was not modified.</source>
        <translation>The database is newer than this app. Update the app; the database was not modified.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="151"/>
        <source>The disk is full. The last change was not saved; everything saved before is intact. Free some space and try again.</source>
        <translation>The disk is full. The last change was not saved; everything saved before is intact. Free some space and try again.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="155"/>
        <source>The database or its folder is read-only, so nothing can be saved. Everything saved before is intact.</source>
        <translation>The database or its folder is read-only, so nothing can be saved. Everything saved before is intact.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="159"/>
        <source>The database is in use by another program or window. Nothing was lost; try again.</source>
        <translation>The database is in use by another program or window. Nothing was lost; try again.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="162"/>
        <source>Reading or writing the database failed. The last change was not saved.</source>
        <translation>Reading or writing the database failed. The last change was not saved.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="165"/>
        <source>The record was not found.</source>
        <translation>The record was not found.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="166"/>
        <source>A patient with this ID already exists; nothing was changed.</source>
        <translation>A patient with this ID already exists; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="169"/>
        <source>This card or insurance is already linked to another patient. Unlink it there first.</source>
        <translation>This card or insurance is already linked to another patient. Unlink it there first.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="172"/>
        <source>The record is not valid.</source>
        <translation>The record is not valid.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="173"/>
        <source>This database location is not supported yet.</source>
        <translation>This database location is not supported yet.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="174"/>
        <source>The settings file %1 cannot be used.</source>
        <translation>The settings file %1 cannot be used.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="175"/>
        <source>The settings file %1 cannot be read.</source>
        <translation>The settings file %1 cannot be read.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="176"/>
        <source>The settings file %1 cannot be written.</source>
        <translation>The settings file %1 cannot be written.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="177"/>
        <source>The settings file %1 has a bad value for: %2.</source>
        <translation>The settings file %1 has a bad value for: %2.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="165"/>
        <source>This patient is already checked in today (No. %3, %1, %2); no second visit was made.</source>
        <translation>This patient is already checked in today (No. %3, %1, %2); no second visit was made.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="168"/>
        <source>Another desk changed the same record at the same moment; nothing was changed here. Look again and try once more.</source>
        <translation>Another desk changed the same record at the same moment; nothing was changed here. Look again and try once more.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="172"/>
        <source>The shared database server %1 cannot be reached. Nothing was changed; check the network and the server, then try again.</source>
        <translation>The shared database server %1 cannot be reached. Nothing was changed; check the network and the server, then try again.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="176"/>
        <source>The shared database server %1 refused the login. Nothing was changed; ask the administrator to check the account.</source>
        <translation>The shared database server %1 refused the login. Nothing was changed; ask the administrator to check the account.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="180"/>
        <source>The database account may not do this on %1. Nothing was changed; ask the administrator.</source>
        <translation>The database account may not do this on %1. Nothing was changed; ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="183"/>
        <source>The check-in could not be handed off.</source>
        <translation>The check-in could not be handed off.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="186"/>
        <source>The FHIR export needs the clinic's 10-digit institution code (医療機関コード): set it in the settings.</source>
        <translation>The FHIR export needs the clinic's 10-digit institution code (医療機関コード): set it in the settings.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="189"/>
        <source>A FHIR bundle built for export did not validate; nothing was written for that visit.</source>
        <translation>A FHIR bundle built for export did not validate; nothing was written for that visit.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="192"/>
        <source>The FHIR export folder cannot be written.</source>
        <translation>The FHIR export folder cannot be written.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="195"/>
        <source>ORCA could not be reached or refused the request.</source>
        <translation>ORCA could not be reached or refused the request.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="198"/>
        <source>ORCA is unavailable. The check-in is kept; try again later.</source>
        <translation>ORCA is unavailable. The check-in is kept; try again later.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="201"/>
        <source>ORCA did not answer in time. The check-in is kept; try again later.</source>
        <translation>ORCA did not answer in time. The check-in is kept; try again later.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="204"/>
        <source>ORCA refused the user ID, password or client certificate. Ask the administrator to check the ORCA settings.</source>
        <translation>ORCA refused the user ID, password or client certificate. Ask the administrator to check the ORCA settings.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="208"/>
        <source>ORCA sent an answer in a form this app does not understand.</source>
        <translation>ORCA sent an answer in a form this app does not understand.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="211"/>
        <source>ORCA refused the request (result code %1). Check the patient in ORCA.</source>
        <translation>ORCA refused the request (result code %1). Check the patient in ORCA.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="214"/>
        <source>ORCA already has a patient who may be this one (result code %1). Check in ORCA which patient it is; nothing was registered.</source>
        <translation>ORCA already has a patient who may be this one (result code %1). Check in ORCA which patient it is; nothing was registered.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="218"/>
        <source>ORCA already has this record (result code %1); nothing was registered twice.</source>
        <translation>ORCA already has this record (result code %1); nothing was registered twice.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="221"/>
        <source>The record is open on another ORCA terminal (result code %1). Close it there and send again.</source>
        <translation>The record is open on another ORCA terminal (result code %1). Close it there and send again.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/error_texts.py" line="93"/>
        <source>A number in the result file cannot be read (too long or not digits); the file was not used.</source>
        <translation>A number in the result file cannot be read (too long or not digits); the file was not used.</translation>
    </message>
</context>
<context>
    <name>FaceResults</name>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="46"/>
        <source>No check-in was waiting for a face result</source>
        <translation>No check-in was waiting for a face result</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="47"/>
        <source>More than one check-in could take it, or the check-in refused it</source>
        <translation>More than one check-in could take it, or the check-in refused it</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="48"/>
        <source>The check-in was busy</source>
        <translation>The check-in was busy</translation>
    </message>
</context>
<context>
    <name>FaceResultsDialog</name>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="109"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="110"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="119"/>
        <source>Unassigned face-reader results</source>
        <translation>Unassigned face-reader results</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="113"/>
        <source>Results from the face reader that no check-in could take. Compare the person with the patient in front of you, then check in with the result (the patient match follows as usual) or discard a stale one.</source>
        <translation>Results from the face reader that no check-in could take. Compare the person with the patient in front of you, then check in with the result (the patient match follows as usual) or discard a stale one.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="129"/>
        <source>Face-reader results status</source>
        <translation>Face-reader results status</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="132"/>
        <source>&amp;Check in with this result</source>
        <translation>&amp;Check in with this result</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="133"/>
        <source>Check in with this result</source>
        <translation>Check in with this result</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="134"/>
        <source>&amp;Discard…</source>
        <translation>&amp;Discard…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="134"/>
        <source>Discard this result</source>
        <translation>Discard this result</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="135"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="135"/>
        <source>Refresh the list</source>
        <translation>Refresh the list</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="136"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="136"/>
        <source>Close the list</source>
        <translation>Close the list</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="165"/>
        <source>No reception services are running.</source>
        <translation>No reception services are running.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reception_app/ui/desk/face_results.py" line="179"/>
        <source>%n face-reader result(s) waiting</source>
        <translation>
            <numerusform>%n face-reader result waiting</numerusform>
            <numerusform>%n face-reader results waiting</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="180"/>
        <source>No face-reader results are waiting.</source>
        <translation>No face-reader results are waiting.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="185"/>
        <source>The list could not be read: %1</source>
        <translation>The list could not be read: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="208"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="213"/>
        <source>Discard the face-reader result</source>
        <translation>Discard the face-reader result</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="209"/>
        <source>Discard this face-reader result? It is removed from the list; the patient uses the face reader again if they still need to check in.</source>
        <translation>Discard this face-reader result? It is removed from the list; the patient uses the face reader again if they still need to check in.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="214"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="215"/>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="216"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="217"/>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="224"/>
        <source>Discarding…</source>
        <translation>Discarding…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="229"/>
        <source>That result was no longer waiting.</source>
        <translation>That result was no longer waiting.</translation>
    </message>
</context>
<context>
    <name>HeldFaces</name>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="249"/>
        <source>Unassigned face-reader results</source>
        <translation>Unassigned face-reader results</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="250"/>
        <source>Face-reader results no check-in could take: open the list (Shift+F3)</source>
        <translation>Face-reader results no check-in could take: open the list (Shift+F3)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reception_app/ui/desk/face_results.py" line="287"/>
        <source>Unassigned face-reader results: %n</source>
        <translation>
            <numerusform>Unassigned face-reader results: %n</numerusform>
            <numerusform>Unassigned face-reader results: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="303"/>
        <source>No reception services are running.</source>
        <translation>No reception services are running.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="327"/>
        <source>Finish or cancel the current check-in first (Ctrl+Shift+X).</source>
        <translation>Finish or cancel the current check-in first (Ctrl+Shift+X).</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="333"/>
        <source>Check-in with a face-reader result</source>
        <translation>Check-in with a face-reader result</translation>
    </message>
</context>
<context>
    <name>InsuranceNumberDialog</name>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="401"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="402"/>
        <source>Eligibility by insurance number</source>
        <translation>Eligibility by insurance number</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="404"/>
        <source>Insurer number</source>
        <translation>Insurer number</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="406"/>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="408"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="410"/>
        <source>Branch number</source>
        <translation>Branch number</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="413"/>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="417"/>
        <source>&amp;Insurer number (保険者番号)</source>
        <translation>&amp;Insurer number (保険者番号)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="418"/>
        <source>S&amp;ymbol (記号)</source>
        <translation>S&amp;ymbol (記号)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="419"/>
        <source>N&amp;umber (番号)</source>
        <translation>N&amp;umber (番号)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="420"/>
        <source>&amp;Branch (枝番)</source>
        <translation>&amp;Branch (枝番)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="421"/>
        <source>Birth &amp;date</source>
        <translation>Birth &amp;date</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="423"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="424"/>
        <source>Ask OQS</source>
        <translation>Ask OQS</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="425"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="426"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="437"/>
        <source>The insurer number and the number are required.</source>
        <translation>The insurer number and the number are required.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="441"/>
        <source>The insurer number has 6 or 8 digits.</source>
        <translation>The insurer number has 6 or 8 digits.</translation>
    </message>
    <message>
        <source>e.g. S63.3.9, S630309 or 1988-03-09</source>
        <translation>e.g. S63.3.9, S630309 or 1988-03-09</translation>
    </message>
    <message>
        <source>The birth date cannot be read: write it as S63.3.9, S630309 or 1988-03-09.</source>
        <translation>The birth date cannot be read: write it as S63.3.9, S630309 or 1988-03-09.</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="14"/>
        <source>Please place your My Number Card on the reader.</source>
        <translation>Please place your My Number Card on the reader.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="15"/>
        <source>Reception</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="16"/>
        <source>Reading your card. Please do not remove it.</source>
        <translation>Reading your card. Please do not remove it.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="17"/>
        <source>Please enter your 4-digit PIN.</source>
        <translation>Please enter your 4-digit PIN.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="18"/>
        <source>Tries left: %1</source>
        <translation>Tries left: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="19"/>
        <source>Cover the keypad with your hand while you type.</source>
        <translation>Cover the keypad with your hand while you type.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="20"/>
        <source>Only one try is left. If the PIN is wrong again, the card is locked and only your city office can unlock it.</source>
        <translation>Only one try is left. If the PIN is wrong again, the card is locked and only your city office can unlock it.</translation>
    </message>
    <message>
        <source>Are you sure of your PIN?</source>
        <translation>Are you sure of your PIN?</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="25"/>
        <source>Checking your insurance. Please wait.</source>
        <translation>Checking your insurance. Please wait.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="26"/>
        <source>Check-in is complete.</source>
        <translation>Check-in is complete.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="27"/>
        <source>Your number</source>
        <translation>Your number</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="28"/>
        <source>Please take your ticket and wait until your number is called.</source>
        <translation>Please take your ticket and wait until your number is called.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="29"/>
        <source>%1, thank you.</source>
        <translation>%1, thank you.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="30"/>
        <source>Please ask the staff at the reception desk.</source>
        <translation>Please ask the staff at the reception desk.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="31"/>
        <source>Please place your card on the face-recognition card reader and look at its camera.</source>
        <translation>Please place your card on the face-recognition card reader and look at its camera.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="34"/>
        <source>Check-in continues by itself once the reader has recognised you.</source>
        <translation>Check-in continues by itself once the reader has recognised you.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="35"/>
        <source>The card&apos;s PIN is locked. You can use face recognition instead.</source>
        <translation>The card&apos;s PIN is locked. You can use face recognition instead.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="36"/>
        <source>Only your city office can unlock the PIN.</source>
        <translation>Only your city office can unlock the PIN.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="37"/>
        <source>Please take your card with you.</source>
        <translation>Please take your card with you.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="39"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="40"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="41"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="42"/>
        <source>Ask the staff</source>
        <translation>Ask the staff</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="43"/>
        <source>Enter the PIN</source>
        <translation>Enter the PIN</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="44"/>
        <source>Use face recognition instead</source>
        <translation>Use face recognition instead</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="45"/>
        <source>Back to the start</source>
        <translation>Back to the start</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="46"/>
        <source>日本語 / English</source>
        <translation>日本語 / English</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="50"/>
        <source>The card&apos;s PIN is locked. The staff will help you.</source>
        <translation>The card&apos;s PIN is locked. The staff will help you.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="51"/>
        <source>The staff will help you check in without using the last try.</source>
        <translation>The staff will help you check in without using the last try.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="52"/>
        <source>The card was removed before reading finished.</source>
        <translation>The card was removed before reading finished.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="53"/>
        <source>The card could not be read.</source>
        <translation>The card could not be read.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="54"/>
        <source>This card cannot be used here.</source>
        <translation>This card cannot be used here.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="55"/>
        <source>Your insurance needs to be checked at the desk.</source>
        <translation>Your insurance needs to be checked at the desk.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="56"/>
        <source>This seems to be your first visit. The staff will register you.</source>
        <translation>This seems to be your first visit. The staff will register you.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="57"/>
        <source>The staff need to confirm who you are.</source>
        <translation>The staff need to confirm who you are.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="58"/>
        <source>The insurance check is not available right now.</source>
        <translation>The insurance check is not available right now.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="59"/>
        <source>It took too long.</source>
        <translation>It took too long.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="60"/>
        <source>The face recognition did not finish in time.</source>
        <translation>The face recognition did not finish in time.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="61"/>
        <source>Check-in was stopped.</source>
        <translation>Check-in was stopped.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="62"/>
        <source>Something unexpected happened.</source>
        <translation>Something unexpected happened.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>The PIN is not correct. Please enter it again.</source>
        <translation>The PIN is not correct. Please enter it again.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>May this clinic see your past medical and medication records?</source>
        <translation>May this clinic see your past medical and medication records?</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Records of your treatments, medicines and operations. They help the doctor treat you safely. You can check in whichever you choose.</source>
        <translation>Records of your treatments, medicines and operations. They help the doctor treat you safely. You can check in whichever you choose.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>May this clinic see your health checkup results?</source>
        <translation>May this clinic see your health checkup results?</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Results of the specific health checkup and similar checkups. You can check in whichever you choose.</source>
        <translation>Results of the specific health checkup and similar checkups. You can check in whichever you choose.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>A member of staff is on the way. Please wait here.</source>
        <translation>A member of staff is on the way. Please wait here.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Your check-in is kept. To go on by yourself, press Continue.</source>
        <translation>Your check-in is kept. To go on by yourself, press Continue.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Please take your card.</source>
        <translation>Please take your card.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Then the next person can use the reader.</source>
        <translation>Then the next person can use the reader.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>The card came off the reader. Please place it on the reader again.</source>
        <translation>The card came off the reader. Please place it on the reader again.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Please leave the card on the reader until check-in is complete.</source>
        <translation>Please leave the card on the reader until check-in is complete.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>The screen goes back to the start in %1 seconds.</source>
        <translation>The screen goes back to the start in %1 seconds.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>To go on, touch the screen or press Continue.</source>
        <translation>To go on, touch the screen or press Continue.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>I agree</source>
        <translation>I agree</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/texts.py" line="1"/>
        <source>I do not agree</source>
        <translation>I do not agree</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../reception_app/ui/kiosk/window.py" line="102"/>
        <location filename="../../reception_app/ui/kiosk/window.py" line="103"/>
        <source>Reception kiosk</source>
        <translation>Reception kiosk</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/window.py" line="130"/>
        <source>Staff menu</source>
        <translation>Staff menu</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/window.py" line="485"/>
        <source>A staff login is needed to leave the kiosk.</source>
        <translation>A staff login is needed to leave the kiosk.</translation>
    </message>
</context>
<context>
    <name>MatchDialog</name>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="194"/>
        <source>Which patient is this?</source>
        <translation>Which patient is this?</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="195"/>
        <source>Patient match</source>
        <translation>Patient match</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="215"/>
        <source>Compare the eligibility result with the clinic&apos;s records. Differences are marked. Choose the right patient, or register a new one.</source>
        <translation>Compare the eligibility result with the clinic&apos;s records. Differences are marked. Choose the right patient, or register a new one.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="217"/>
        <source>No patient in the clinic&apos;s records matches. Register a new patient.</source>
        <translation>No patient in the clinic&apos;s records matches. Register a new patient.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="222"/>
        <source>Eligibility result</source>
        <translation>Eligibility result</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="225"/>
        <source>Candidate %1</source>
        <translation>Candidate %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="226"/>
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="241"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="242"/>
        <source>Differs from the eligibility result</source>
        <translation>Differs from the eligibility result</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="246"/>
        <source>This is the patient (%1)</source>
        <translation>This is the patient (%1)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="247"/>
        <source>Choose candidate %1</source>
        <translation>Choose candidate %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="255"/>
        <source>&amp;Register a new patient…</source>
        <translation>&amp;Register a new patient…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="256"/>
        <source>Register a new patient</source>
        <translation>Register a new patient</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="259"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="298"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="260"/>
        <source>Cancel the match</source>
        <translation>Cancel the match</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="270"/>
        <source>New patient (prefilled from the eligibility result)</source>
        <translation>New patient (prefilled from the eligibility result)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="283"/>
        <source>Read the card&apos;s basic 4 information with the patient&apos;s PIN</source>
        <translation>Read the card&apos;s basic 4 information with the patient&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="284"/>
        <source>The patient types the 券面事項入力補助 PIN (4 digits).</source>
        <translation>The patient types the 券面事項入力補助 PIN (4 digits).</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="293"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="295"/>
        <source>Register and check in</source>
        <translation>Register and check in</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="296"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="297"/>
        <source>Back to the candidates</source>
        <translation>Back to the candidates</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="299"/>
        <source>Cancel the registration</source>
        <translation>Cancel the registration</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="340"/>
        <source>Please let the patient type the 4-digit PIN for 券面事項入力補助 (the card&apos;s text information).</source>
        <translation>Please let the patient type the 4-digit PIN for 券面事項入力補助 (the card&apos;s text information).</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="319"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="346"/>
        <source>Reading the card…</source>
        <translation>Reading the card…</translation>
    </message>
    <message>
        <source>New patient (no eligibility result: read the card, or type what the patient shows)</source>
        <translation>New patient (no eligibility result: read the card, or type what the patient shows)</translation>
    </message>
    <message>
        <source>Read name, address, birth date and sex from the card…</source>
        <translation>Read name, address, birth date and sex from the card…</translation>
    </message>
    <message>
        <source>Link this card to the new chart: I compared the name and birth date on the card with the form</source>
        <translation>Link this card to the new chart: I compared the name and birth date on the card with the form</translation>
    </message>
    <message>
        <source>Link this card to the new chart</source>
        <translation>Link this card to the new chart</translation>
    </message>
    <message>
        <source>Read from the card: name, address, birth date and sex. Compare them with what the patient shows.</source>
        <translation>Read from the card: name, address, birth date and sex. Compare them with what the patient shows.</translation>
    </message>
</context>
<context>
    <name>PatientPinDialog</name>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="46"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="47"/>
        <source>PIN entry for the patient</source>
        <translation>PIN entry for the patient</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="48"/>
        <source>Please let the patient type the 4-digit PIN of the card (利用者証明用).</source>
        <translation>Please let the patient type the 4-digit PIN of the card (利用者証明用).</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="68"/>
        <source>Tries left: %1</source>
        <translation>Tries left: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="55"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="55"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="57"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="58"/>
        <source>Cancel PIN entry</source>
        <translation>Cancel PIN entry</translation>
    </message>
</context>
<context>
    <name>PinKeypad</name>
    <message>
        <location filename="../../reception_app/ui/kiosk/keypad.py" line="20"/>
        <source>PIN keypad</source>
        <translation>PIN keypad</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/kiosk/keypad.py" line="24"/>
        <source>PIN digits entered</source>
        <translation>PIN digits entered</translation>
    </message>
</context>
<context>
    <name>QaPanel</name>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="79"/>
        <source>QA panel</source>
        <translation>QA panel</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="111"/>
        <source>Virtual readers and cards</source>
        <translation>Virtual readers and cards</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="114"/>
        <source>Virtual reader</source>
        <translation>Virtual reader</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="117"/>
        <source>Card profile</source>
        <translation>Card profile</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="122"/>
        <source>&amp;Insert card</source>
        <translation>&amp;Insert card</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="123"/>
        <source>Insert the card profile</source>
        <translation>Insert the card profile</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="125"/>
        <source>&amp;Remove card</source>
        <translation>&amp;Remove card</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="126"/>
        <source>Remove the card</source>
        <translation>Remove the card</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="128"/>
        <source>Add a reader</source>
        <translation>Add a reader</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="129"/>
        <source>Add a virtual reader</source>
        <translation>Add a virtual reader</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="132"/>
        <source>Card in the reader</source>
        <translation>Card in the reader</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="137"/>
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="138"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="335"/>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="176"/>
        <source>Insert failed: %1</source>
        <translation>Insert failed: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="189"/>
        <source>No card in this reader.</source>
        <translation>No card in this reader.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="191"/>
        <source>Card: %1</source>
        <translation>Card: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="196"/>
        <source>Card faults (card in the selected reader)</source>
        <translation>Card faults (card in the selected reader)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="201"/>
        <source>Card latency per APDU</source>
        <translation>Card latency per APDU</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="204"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="210"/>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="205"/>
        <source>Pull the card after N APDUs</source>
        <translation>Pull the card after N APDUs</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="206"/>
        <source>Mute card (never answers)</source>
        <translation>Mute card (never answers)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="207"/>
        <source>Mute card</source>
        <translation>Mute card</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="211"/>
        <source>Garble every Nth answer</source>
        <translation>Garble every Nth answer</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="214"/>
        <source>Forced status words</source>
        <translation>Forced status words</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="215"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="216"/>
        <source>Apply card faults</source>
        <translation>Apply card faults</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="219"/>
        <source>Card fault status</source>
        <translation>Card fault status</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="220"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="280"/>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="221"/>
        <source>Pull after</source>
        <translation>Pull after</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="223"/>
        <source>Garble every</source>
        <translation>Garble every</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="224"/>
        <source>Forced SW (INS=SW)</source>
        <translation>Forced SW (INS=SW)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="232"/>
        <source>Insert a card first.</source>
        <translation>Insert a card first.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="237"/>
        <source>Not understood: %1 (write INS=SW, e.g. 20=6983)</source>
        <translation>Not understood: %1 (write INS=SW, e.g. 20=6983)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="249"/>
        <source>Card faults applied.</source>
        <translation>Card faults applied.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="254"/>
        <source>Gateway simulator</source>
        <translation>Gateway simulator</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="259"/>
        <source>Gateway latency</source>
        <translation>Gateway latency</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="261"/>
        <source>Gateway HTTP status</source>
        <translation>Gateway HTTP status</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="262"/>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="264"/>
        <source>Gateway down (connection dropped)</source>
        <translation>Gateway down (connection dropped)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="265"/>
        <source>Gateway down</source>
        <translation>Gateway down</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="266"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="267"/>
        <source>Malformed answers</source>
        <translation>Malformed answers</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="271"/>
        <source>Gateway hang</source>
        <translation>Gateway hang</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="272"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="273"/>
        <source>Apply gateway faults</source>
        <translation>Apply gateway faults</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="275"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="276"/>
        <source>Reset all simulator faults</source>
        <translation>Reset all simulator faults</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="279"/>
        <source>Gateway fault status</source>
        <translation>Gateway fault status</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="281"/>
        <source>HTTP status</source>
        <translation>HTTP status</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="282"/>
        <source>Hang</source>
        <translation>Hang</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="306"/>
        <source>Simulator faults reset.</source>
        <translation>Simulator faults reset.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="312"/>
        <source>Not applied: %1</source>
        <translation>Not applied: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="314"/>
        <source>Applied.</source>
        <translation>Applied.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="317"/>
        <source>OQS terminal simulator (face reader)</source>
        <translation>OQS terminal simulator (face reader)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="320"/>
        <source>Face result profile</source>
        <translation>Face result profile</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="321"/>
        <source>Write a &amp;face result</source>
        <translation>Write a &amp;face result</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="322"/>
        <source>Write a face result</source>
        <translation>Write a face result</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="327"/>
        <source>Partial write pause</source>
        <translation>Partial write pause</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="328"/>
        <source>Write every file twice</source>
        <translation>Write every file twice</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="329"/>
        <source>Duplicate face files</source>
        <translation>Duplicate face files</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="330"/>
        <location filename="../../reception_app/ui/qa_panel.py" line="331"/>
        <source>Apply terminal faults</source>
        <translation>Apply terminal faults</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="334"/>
        <source>Terminal status</source>
        <translation>Terminal status</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="337"/>
        <source>Partial write</source>
        <translation>Partial write</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="348"/>
        <source>Face result written.</source>
        <translation>Face result written.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="349"/>
        <source>Not written: %1</source>
        <translation>Not written: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="361"/>
        <source>APDU trace (headers and status words only)</source>
        <translation>APDU trace (headers and status words only)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="366"/>
        <source>APDU trace</source>
        <translation>APDU trace</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="369"/>
        <source>Clear trace</source>
        <translation>Clear trace</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/qa_panel.py" line="370"/>
        <source>Clear the APDU trace</source>
        <translation>Clear the APDU trace</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="134"/>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="134"/>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="177"/>
        <source>Today&apos;s queue</source>
        <translation>Today&apos;s queue</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="178"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="179"/>
        <source>Refresh the queue</source>
        <translation>Refresh the queue</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="182"/>
        <source>Queue status</source>
        <translation>Queue status</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="195"/>
        <source>No database is open.</source>
        <translation>No database is open.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reception_app/ui/desk/tables.py" line="201"/>
        <source>%n patient(s) today</source>
        <translation>
            <numerusform>%n patient today</numerusform>
            <numerusform>%n patients today</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="204"/>
        <source>The queue could not be read: %1</source>
        <translation>The queue could not be read: %1</translation>
    </message>
</context>
<context>
    <name>RegistrationFormWidget</name>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="112"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="114"/>
        <source>Kana</source>
        <translation>Kana</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="116"/>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="120"/>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="124"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="126"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="131"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="132"/>
        <source>&amp;Kana</source>
        <translation>&amp;Kana</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="133"/>
        <source>&amp;Birth date</source>
        <translation>&amp;Birth date</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="134"/>
        <source>&amp;Sex</source>
        <translation>&amp;Sex</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="135"/>
        <source>&amp;Address</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="136"/>
        <source>P&amp;hone</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>e.g. S63.3.9, S630309 or 1988-03-09</source>
        <translation>e.g. S63.3.9, S630309 or 1988-03-09</translation>
    </message>
    <message>
        <source>Birth date as read</source>
        <translation>Birth date as read</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>Not a date yet: write it as S63.3.9, S630309 or 1988-03-09.</source>
        <translation>Not a date yet: write it as S63.3.9, S630309 or 1988-03-09.</translation>
    </message>
    <message>
        <source>Enter the name.</source>
        <translation>Enter the name.</translation>
    </message>
    <message>
        <source>Enter the name in kana.</source>
        <translation>Enter the name in kana.</translation>
    </message>
    <message>
        <source>Enter the birth date (S63.3.9, S630309 or 1988-03-09).</source>
        <translation>Enter the birth date (S63.3.9, S630309 or 1988-03-09).</translation>
    </message>
    <message>
        <source>The birth date cannot be read: write it as S63.3.9, S630309 or 1988-03-09.</source>
        <translation>The birth date cannot be read: write it as S63.3.9, S630309 or 1988-03-09.</translation>
    </message>
    <message>
        <source>Choose the sex.</source>
        <translation>Choose the sex.</translation>
    </message>
    <message>
        <source>Check this field: %1</source>
        <translation>Check this field: %1</translation>
    </message>
</context>
<context>
    <name>RelinkDialog</name>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="366"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="368"/>
        <source>Insurance changed</source>
        <translation>Insurance changed</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="369"/>
        <source>The insurance of %1 has changed. Link the new insurance to this patient?</source>
        <translation>The insurance of %1 has changed. Link the new insurance to this patient?</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="373"/>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="375"/>
        <source>Old insurance</source>
        <translation>Old insurance</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="377"/>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="380"/>
        <source>New insurance</source>
        <translation>New insurance</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="383"/>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="384"/>
        <source>Relink to the new insurance</source>
        <translation>Relink to the new insurance</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/dialogs.py" line="385"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Check in without relinking</source>
        <translation>Check in without relinking</translation>
    </message>
    <message>
        <source>Cancel the check-in</source>
        <translation>Cancel the check-in</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="225"/>
        <source>Search by</source>
        <translation>Search by</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="227"/>
        <source>Kana (beginning)</source>
        <translation>Kana (beginning)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="228"/>
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="229"/>
        <source>Birth date (YYYY-MM-DD)</source>
        <translation>Birth date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="230"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="231"/>
        <source>照会番号</source>
        <translation>照会番号</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="236"/>
        <source>Search text</source>
        <translation>Search text</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="237"/>
        <source>e.g. ヤマダ</source>
        <translation>e.g. ヤマダ</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="239"/>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="240"/>
        <source>Search patients</source>
        <translation>Search patients</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="243"/>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="246"/>
        <source>Search status</source>
        <translation>Search status</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="262"/>
        <source>Type what to search for.</source>
        <translation>Type what to search for.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="265"/>
        <source>No database is open.</source>
        <translation>No database is open.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="269"/>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reception_app/ui/desk/tables.py" line="274"/>
        <source>%n patient(s) found</source>
        <translation>
            <numerusform>%n patient found</numerusform>
            <numerusform>%n patients found</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="277"/>
        <source>The search failed: %1</source>
        <translation>The search failed: %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="44"/>
        <source>Choose Japanese or English.</source>
        <translation>Choose Japanese or English.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="52"/>
        <source>Choose the PC/SC reader or the simulator.</source>
        <translation>Choose the PC/SC reader or the simulator.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="62"/>
        <source>This folder does not exist: %1</source>
        <translation>This folder does not exist: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="72"/>
        <source>The gateway address must look like https://host:port/.</source>
        <translation>The gateway address must look like https://host:port/.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="80"/>
        <source>Use https:// for a gateway on another computer.</source>
        <translation>Use https:// for a gateway on another computer.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="90"/>
        <source>This file does not exist: %1</source>
        <translation>This file does not exist: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="98"/>
        <source>A client certificate needs its key, and the other way round.</source>
        <translation>A client certificate needs its key, and the other way round.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="106"/>
        <source>The kiosk timeout must be between 10 and 600 seconds.</source>
        <translation>The kiosk timeout must be between 10 and 600 seconds.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="112"/>
        <source>Give the kiosk a name.</source>
        <translation>Give the kiosk a name.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>Enter a whole number.</source>
        <translation>Enter a whole number.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>Enter a number.</source>
        <translation>Enter a number.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>Enter true or false.</source>
        <translation>Enter true or false.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>Choose one of: %1</source>
        <translation>Choose one of: %1</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>Enter a value between %1 and %2.</source>
        <translation>Enter a value between %1 and %2.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>Enter the value on one line.</source>
        <translation>Enter the value on one line.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>The medical institution code has 10 digits.</source>
        <translation>The medical institution code has 10 digits.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/settings.py" line="14"/>
        <source>The database location must be a file path.</source>
        <translation>The database location must be a file path.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="29"/>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="30"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="39"/>
        <source>Settings pages</source>
        <translation>Settings pages</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="44"/>
        <source>PC/SC card reader</source>
        <translation>PC/SC card reader</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="45"/>
        <source>Simulator (QA and demo)</source>
        <translation>Simulator (QA and demo)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="47"/>
        <source>Reader &amp;backend</source>
        <translation>Reader &amp;backend</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="48"/>
        <source>Reader &amp;name (empty: the first)</source>
        <translation>Reader &amp;name (empty: the first)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="49"/>
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="54"/>
        <source>&amp;Face results folder (face)</source>
        <translation>&amp;Face results folder (face)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="55"/>
        <source>&amp;Request folder (req)</source>
        <translation>&amp;Request folder (req)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="56"/>
        <source>Re&amp;sult folder (res)</source>
        <translation>Re&amp;sult folder (res)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="58"/>
        <source>OQS terminal</source>
        <translation>OQS terminal</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="63"/>
        <source>&amp;Gateway address</source>
        <translation>&amp;Gateway address</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="64"/>
        <source>Client &amp;certificate</source>
        <translation>Client &amp;certificate</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="65"/>
        <source>Client &amp;key</source>
        <translation>Client &amp;key</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="66"/>
        <source>&amp;Trusted CA bundle</source>
        <translation>&amp;Trusted CA bundle</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="67"/>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="72"/>
        <source>&amp;Printer (empty: the default)</source>
        <translation>&amp;Printer (empty: the default)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="73"/>
        <source>Save tickets as PDF in</source>
        <translation>Save tickets as PDF in</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="75"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="82"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="84"/>
        <source>&amp;Idle timeout</source>
        <translation>&amp;Idle timeout</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="85"/>
        <source>Kiosk &amp;name</source>
        <translation>Kiosk &amp;name</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="86"/>
        <source>Show the &amp;QA panel</source>
        <translation>Show the &amp;QA panel</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="93"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="94"/>
        <source>Kiosk and language</source>
        <translation>Kiosk and language</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="103"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="104"/>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="107"/>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="108"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="127"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="128"/>
        <source>Browse</source>
        <translation>Browse</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="132"/>
        <source>Choose a folder</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="133"/>
        <source>Choose a file</source>
        <translation>Choose a file</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reception_app/ui/desk/settings_dialog.py" line="199"/>
        <source>%n setting(s) need attention; nothing was saved.</source>
        <translation>
            <numerusform>%n setting needs attention; nothing was saved.</numerusform>
            <numerusform>%n settings need attention; nothing was saved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffLoginDialog</name>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="21"/>
        <location filename="../../reception_app/ui/staff_dialog.py" line="22"/>
        <source>Staff login</source>
        <translation>Staff login</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="24"/>
        <source>Enter a staff user name and password.</source>
        <translation>Enter a staff user name and password.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="27"/>
        <source>Staff user name</source>
        <translation>Staff user name</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="30"/>
        <source>Staff password</source>
        <translation>Staff password</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="36"/>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="37"/>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="40"/>
        <location filename="../../reception_app/ui/staff_dialog.py" line="41"/>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="44"/>
        <location filename="../../reception_app/ui/staff_dialog.py" line="45"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="54"/>
        <source>No staff accounts are set up. Create one with the database tools.</source>
        <translation>No staff accounts are set up. Create one with the database tools.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="64"/>
        <source>Enter both the user name and the password.</source>
        <translation>Enter both the user name and the password.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="70"/>
        <source>The staff list cannot be read right now.</source>
        <translation>The staff list cannot be read right now.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="78"/>
        <source>Too many wrong attempts.</source>
        <translation>Too many wrong attempts.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/staff_dialog.py" line="81"/>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="121"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="122"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="123"/>
        <location filename="../../reception_app/ui/desk/tables.py" line="145"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="65"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="124"/>
        <location filename="../../reception_app/ui/desk/tables.py" line="146"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="64"/>
        <source>Kana</source>
        <translation>Kana</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="125"/>
        <location filename="../../reception_app/ui/desk/tables.py" line="144"/>
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="126"/>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="127"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="147"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="66"/>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="148"/>
        <location filename="../../reception_app/ui/desk/face_results.py" line="67"/>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/tables.py" line="149"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="63"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="68"/>
        <source>Insurance (masked)</source>
        <translation>Insurance (masked)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/face_results.py" line="69"/>
        <source>Why it waits</source>
        <translation>Why it waits</translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <location filename="../../reception_app/ui/ticket.py" line="53"/>
        <location filename="../../reception_app/ui/ticket.py" line="103"/>
        <source>Reception ticket</source>
        <translation>Reception ticket</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/ticket.py" line="68"/>
        <source>Your number</source>
        <translation>Your number</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/ticket.py" line="90"/>
        <source>Please wait until your number is called.</source>
        <translation>Please wait until your number is called.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../reception_app/ui/words.py" line="13"/>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="14"/>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="15"/>
        <source>Identification</source>
        <translation>Identification</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="16"/>
        <source>Eligibility</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="17"/>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="18"/>
        <source>Patient match</source>
        <translation>Patient match</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="19"/>
        <source>Registration</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="20"/>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="21"/>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="26"/>
        <source>Waiting for a card</source>
        <translation>Waiting for a card</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="27"/>
        <source>Reading the card</source>
        <translation>Reading the card</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="28"/>
        <source>Waiting for the patient&apos;s PIN</source>
        <translation>Waiting for the patient&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="29"/>
        <source>PIN blocked</source>
        <translation>PIN blocked</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="30"/>
        <source>Asking for eligibility</source>
        <translation>Asking for eligibility</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="31"/>
        <source>Waiting for the face reader&apos;s result</source>
        <translation>Waiting for the face reader&apos;s result</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="32"/>
        <source>No valid result: decide on the declaration (申立書)</source>
        <translation>No valid result: decide on the declaration (申立書)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="33"/>
        <source>Choose the patient</source>
        <translation>Choose the patient</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="34"/>
        <source>New patient: registration needed</source>
        <translation>New patient: registration needed</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="35"/>
        <source>Insurance changed: confirm the relink</source>
        <translation>Insurance changed: confirm the relink</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="36"/>
        <source>Checking in</source>
        <translation>Checking in</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="37"/>
        <source>Checked in</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="38"/>
        <location filename="../../reception_app/ui/words.py" line="91"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="39"/>
        <source>Timed out</source>
        <translation>Timed out</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="40"/>
        <source>Card removed</source>
        <translation>Card removed</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="41"/>
        <source>Stopped with an error</source>
        <translation>Stopped with an error</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="76"/>
        <source>Valid (有効)</source>
        <translation>Valid (有効)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="77"/>
        <source>Invalid (無効)</source>
        <translation>Invalid (無効)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="78"/>
        <source>Invalid: a newer qualification exists (無効・新資格あり)</source>
        <translation>Invalid: a newer qualification exists (無効・新資格あり)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="79"/>
        <source>No qualification found (該当資格なし)</source>
        <translation>No qualification found (該当資格なし)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="80"/>
        <source>Several qualifications found (複数該当)</source>
        <translation>Several qualifications found (複数該当)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="81"/>
        <source>Valid, not registered: medical assistance (有効・未登録)</source>
        <translation>Valid, not registered: medical assistance (有効・未登録)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="82"/>
        <source>Error: the result is not final</source>
        <translation>Error: the result is not final</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="88"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="89"/>
        <source>Called</source>
        <translation>Called</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="90"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="95"/>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="96"/>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="97"/>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="101"/>
        <source>照会番号 (reference number)</source>
        <translation>照会番号 (reference number)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="102"/>
        <source>Insurance number</source>
        <translation>Insurance number</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="103"/>
        <source>Card linked earlier</source>
        <translation>Card linked earlier</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="104"/>
        <source>Kana and birth date</source>
        <translation>Kana and birth date</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="105"/>
        <source>Card linked earlier (offline)</source>
        <translation>Card linked earlier (offline)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="106"/>
        <source>New registration</source>
        <translation>New registration</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="107"/>
        <source>Chosen by staff</source>
        <translation>Chosen by staff</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="111"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="112"/>
        <source>Kana</source>
        <translation>Kana</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="113"/>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="114"/>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="115"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="116"/>
        <source>Insurance</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="117"/>
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/words.py" line="118"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>EligibilityCodes</name>
    <message>
        <source>code %1 (meaning unknown)</source>
        <translation>code %1 (meaning unknown)</translation>
    </message>
    <message>
        <source>Insured person (本人)</source>
        <translation>Insured person (本人)</translation>
    </message>
    <message>
        <source>Family member (家族)</source>
        <translation>Family member (家族)</translation>
    </message>
    <message>
        <source>Health insurance card (general)</source>
        <translation>Health insurance card (general)</translation>
    </message>
    <message>
        <source>Health insurance card (retired)</source>
        <translation>Health insurance card (retired)</translation>
    </message>
    <message>
        <source>Short-term card (general)</source>
        <translation>Short-term card (general)</translation>
    </message>
    <message>
        <source>Short-term card (retired)</source>
        <translation>Short-term card (retired)</translation>
    </message>
    <message>
        <source>Certificate of qualification (資格証明書)</source>
        <translation>Certificate of qualification (資格証明書)</translation>
    </message>
    <message>
        <source>Special retired insured card</source>
        <translation>Special retired insured card</translation>
    </message>
    <message>
        <source>Self-Defense Forces medical card</source>
        <translation>Self-Defense Forces medical card</translation>
    </message>
    <message>
        <source>Medical assistance (医療扶助)</source>
        <translation>Medical assistance (医療扶助)</translation>
    </message>
    <message>
        <source>後期高齢者: the ratio in the result</source>
        <translation>後期高齢者: the ratio in the result</translation>
    </message>
    <message>
        <source>高齢受給者証: the ratio in the result</source>
        <translation>高齢受給者証: the ratio in the result</translation>
    </message>
    <message>
        <source>age 70–74 without 高齢受給者証 (2割 assumed)</source>
        <translation>age 70–74 without 高齢受給者証 (2割 assumed)</translation>
    </message>
    <message>
        <source>preschool child (2割)</source>
        <translation>preschool child (2割)</translation>
    </message>
    <message>
        <source>school age to 69 (3割)</source>
        <translation>school age to 69 (3割)</translation>
    </message>
    <message>
        <source>medical assistance (self-pay per 医療券)</source>
        <translation>medical assistance (self-pay per 医療券)</translation>
    </message>
    <message>
        <source>cannot tell (no birth date)</source>
        <translation>cannot tell (no birth date)</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>Death</translation>
    </message>
    <message>
        <source>Public assistance (生活保護) began</source>
        <translation>Public assistance (生活保護) began</translation>
    </message>
    <message>
        <source>Joined another health insurance</source>
        <translation>Joined another health insurance</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Preschool child (未就学)</source>
        <translation>Preschool child (未就学)</translation>
    </message>
    <message>
        <source>Dialysis (人工透析)</source>
        <translation>Dialysis (人工透析)</translation>
    </message>
    <message>
        <source>Haemophilia (血友病)</source>
        <translation>Haemophilia (血友病)</translation>
    </message>
    <message>
        <source>HIV infection</source>
        <translation>HIV infection</translation>
    </message>
    <message>
        <source>Limit certificate (限度額適用認定証)</source>
        <translation>Limit certificate (限度額適用認定証)</translation>
    </message>
    <message>
        <source>Limit and standard-charge reduction certificate</source>
        <translation>Limit and standard-charge reduction certificate</translation>
    </message>
    <message>
        <source>Medication information (薬剤情報)</source>
        <translation>Medication information (薬剤情報)</translation>
    </message>
    <message>
        <source>Diagnosis and treatment information (診療情報)</source>
        <translation>Diagnosis and treatment information (診療情報)</translation>
    </message>
    <message>
        <source>Health check-up results (特定健診)</source>
        <translation>Health check-up results (特定健診)</translation>
    </message>
    <message>
        <source>Operation information (手術情報)</source>
        <translation>Operation information (手術情報)</translation>
    </message>
    <message>
        <source>Limit certificate information (限度額)</source>
        <translation>Limit certificate information (限度額)</translation>
    </message>
    <message>
        <source>特定疾病 certificate information</source>
        <translation>特定疾病 certificate information</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>given</source>
        <translation>given</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>Ticket type (券種)</source>
        <translation>Ticket type (券種)</translation>
    </message>
    <message>
        <source>Issue number (交付番号)</source>
        <translation>Issue number (交付番号)</translation>
    </message>
    <message>
        <source>Treatment month (診療年月)</source>
        <translation>Treatment month (診療年月)</translation>
    </message>
    <message>
        <source>Treatment type (診療区分)</source>
        <translation>Treatment type (診療区分)</translation>
    </message>
    <message>
        <source>Designated institution</source>
        <translation>Designated institution</translation>
    </message>
    <message>
        <source>Designated institution code</source>
        <translation>Designated institution code</translation>
    </message>
    <message>
        <source>Designated institution flag</source>
        <translation>Designated institution flag</translation>
    </message>
    <message>
        <source>Prescribing institution</source>
        <translation>Prescribing institution</translation>
    </message>
    <message>
        <source>Prescribing institution code</source>
        <translation>Prescribing institution code</translation>
    </message>
    <message>
        <source>Diagnosis 1 (傷病名)</source>
        <translation>Diagnosis 1 (傷病名)</translation>
    </message>
    <message>
        <source>Diagnosis 2 (傷病名)</source>
        <translation>Diagnosis 2 (傷病名)</translation>
    </message>
    <message>
        <source>Diagnosis 3 (傷病名)</source>
        <translation>Diagnosis 3 (傷病名)</translation>
    </message>
    <message>
        <source>Self-pay amount (本人支払額)</source>
        <translation>Self-pay amount (本人支払額)</translation>
    </message>
    <message>
        <source>Single or combined use (単独・併用)</source>
        <translation>Single or combined use (単独・併用)</translation>
    </message>
    <message>
        <source>Social insurance (社会保険の状況)</source>
        <translation>Social insurance (社会保険の状況)</translation>
    </message>
    <message>
        <source>Late-elderly care (後期高齢者医療の状況)</source>
        <translation>Late-elderly care (後期高齢者医療の状況)</translation>
    </message>
    <message>
        <source>Infectious disease (感染症の状況)</source>
        <translation>Infectious disease (感染症の状況)</translation>
    </message>
    <message>
        <source>Prefectural expenses (都道府県費の状況)</source>
        <translation>Prefectural expenses (都道府県費の状況)</translation>
    </message>
    <message>
        <source>Consistency flag (整合性)</source>
        <translation>Consistency flag (整合性)</translation>
    </message>
    <message>
        <source>District caseworker (地区担当員)</source>
        <translation>District caseworker (地区担当員)</translation>
    </message>
    <message>
        <source>Handling officer (取扱担当者)</source>
        <translation>Handling officer (取扱担当者)</translation>
    </message>
    <message>
        <source>Remarks 1</source>
        <translation>Remarks 1</translation>
    </message>
    <message>
        <source>Remarks 2</source>
        <translation>Remarks 2</translation>
    </message>
    <message>
        <source>Remarks 3</source>
        <translation>Remarks 3</translation>
    </message>
    <message>
        <source>Offline: the result is the last one confirmed, not today&apos;s.</source>
        <translation>Offline: the result is the last one confirmed, not today&apos;s.</translation>
    </message>
    <message>
        <source>The card&apos;s certificate has expired (it serves as an insurance card for 3 months).</source>
        <translation>The card&apos;s certificate has expired (it serves as an insurance card for 3 months).</translation>
    </message>
    <message>
        <source>The card&apos;s certificate expires soon.</source>
        <translation>The card&apos;s certificate expires soon.</translation>
    </message>
    <message>
        <source>The card was taken off after it was read.</source>
        <translation>The card was taken off after it was read.</translation>
    </message>
    <message>
        <source>The qualification is not valid on the visit day.</source>
        <translation>The qualification is not valid on the visit day.</translation>
    </message>
    <message>
        <source>The card is linked to another chart than the one the result points to.</source>
        <translation>The card is linked to another chart than the one the result points to.</translation>
    </message>
    <message>
        <source>The chart found by 照会番号 does not fit the result&apos;s kana or birth date.</source>
        <translation>The chart found by 照会番号 does not fit the result&apos;s kana or birth date.</translation>
    </message>
    <message>
        <source>The chart found by insurance number does not fit the result&apos;s kana or birth date.</source>
        <translation>The chart found by insurance number does not fit the result&apos;s kana or birth date.</translation>
    </message>
    <message>
        <source>The ticket could not be printed.</source>
        <translation>The ticket could not be printed.</translation>
    </message>
    <message>
        <source>Checked in by a visual check of the card (目視確認): the PIN is blocked.</source>
        <translation>Checked in by a visual check of the card (目視確認): the PIN is blocked.</translation>
    </message>
</context>
<context>
    <name>VisualCheckDialog</name>
    <message>
        <source>Visual check of the card (目視確認)</source>
        <translation>Visual check of the card (目視確認)</translation>
    </message>
    <message>
        <source>The PIN is blocked. Compare the photo on the card with the patient, then type the name, birth date and sex the card shows (ask the patient for the kana). The check-in is marked as a visual check.</source>
        <translation>The PIN is blocked. Compare the photo on the card with the patient, then type the name, birth date and sex the card shows (ask the patient for the kana). The check-in is marked as a visual check.</translation>
    </message>
    <message>
        <source>I compared the photo on the card with the patient</source>
        <translation>I compared the photo on the card with the patient</translation>
    </message>
    <message>
        <source>Continue the check-in</source>
        <translation>Continue the check-in</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>StaffCalls</name>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>consent screens</source>
        <translation>consent screens</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>PIN entry</source>
        <translation>PIN entry</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>PIN, last try</source>
        <translation>PIN, last try</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>PIN locked</source>
        <translation>PIN locked</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>waiting for the face reader</source>
        <translation>waiting for the face reader</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>checking the insurance</source>
        <translation>checking the insurance</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>card came off the reader</source>
        <translation>card came off the reader</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>sent to the desk</source>
        <translation>sent to the desk</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>Kiosk %1 calls for staff (%2)</source>
        <translation>Kiosk %1 calls for staff (%2)</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>A kiosk calls for staff</source>
        <translation>A kiosk calls for staff</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>A patient at a kiosk asks for help: click when you go to them</source>
        <translation>A patient at a kiosk asks for help: click when you go to them</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source> and %1 more</source>
        <translation> and %1 more</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>Kiosk call</source>
        <translation>Kiosk call</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>Go to the kiosk now? The alert then leaves every desk.</source>
        <translation>Go to the kiosk now? The alert then leaves every desk.</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>I am going</source>
        <translation>I am going</translation>
    </message>
    <message>
        <location filename="../../reception_app/ui/desk/staff_calls.py" line="1"/>
        <source>Not yet</source>
        <translation>Not yet</translation>
    </message>
</context>
</TS>
