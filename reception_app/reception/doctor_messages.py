"""Every text `reception-app doctor` shows: for each result code, what was found and what to do, Japanese and English.

One table, so that wording (and the package names and OS features named, which differ per OS release) is changed in
one place. `{placeholders}` are filled from the check's parameters. Package names: Debian 12 (`fonts-noto-cjk`,
`pcscd`); Windows: the "Japanese Supplemental Fonts" optional feature and the "Smart Card" (SCardSvr) service.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["ja", "en"]

# code -> language -> (result, what to do). An empty "what to do" means nothing needs doing.
MESSAGES: dict[str, dict[Lang, tuple[str, str]]] = {
    # --- settings --------------------------------------------------------------------------------------------
    "settings_ok": {
        "ja": ("設定ファイルを読み込みました: {path}", ""),
        "en": ("Settings file read: {path}", ""),
    },
    "settings_missing": {
        "ja": ("設定ファイルがまだありません ({path})。初期設定が済んでいません。",
               "アプリを起動して初期設定ウィザードを最後まで進めてください。"),
        "en": ("There is no settings file yet ({path}): first-run setup has not been done.",
               "Start the app and complete the first-run setup wizard."),
    },
    "settings_unreadable": {
        "ja": ("設定ファイルを読めません: {reason}",
               "設定ファイル {path} を確認するか、初期設定ウィザードをやり直してください。"),
        "en": ("The settings file cannot be read: {reason}", "Check {path}, or run the setup wizard again."),
    },
    "settings_invalid": {
        "ja": ("設定ファイルに正しくない値があります: {reason}",
               "設定ファイル {path} のその項目を直すか、初期設定ウィザードをやり直してください (項目の説明: "
               "docs/configuration.md)。"),
        "en": ("The settings file has a bad value: {reason}",
               "Correct that option in {path} (options: docs/configuration.md), or run the setup wizard again."),
    },
    # --- PC/SC service -----------------------------------------------------------------------------------------
    "pcsc_ok": {
        "ja": ("スマートカード サービス (PC/SC) に接続できました。", ""),
        "en": ("The smart-card service (PC/SC) is running.", ""),
    },
    "pcsc_service_unavailable": {
        "ja": ("スマートカード サービス (pcscd / Windows の「Smart Card」サービス) が動いていません。",
               "サービスを開始してください。Linux: sudo systemctl start pcscd (systemd の無い機械では pcscd を起動)。"
               "Windows: services.msc で「Smart Card」(SCardSvr) を開始し、スタートアップの種類を「自動」に。"
               "Linux で pcscd が未導入なら: sudo apt-get install pcscd"),
        "en": ("The smart-card service (pcscd / Windows 'Smart Card' service) is not running.",
               "Start it. Linux: sudo systemctl start pcscd (or run pcscd on machines without systemd); "
               "Windows: start 'Smart Card' (SCardSvr) in services.msc and set it to Automatic. "
               "If pcscd is not installed: sudo apt-get install pcscd"),
    },
    "pcsc_unavailable_demo": {
        "ja": ("スマートカード サービスが動いていませんが、シミュレーター読み取り機の設定なので問題ありません。",
               "実機のカードリーダーを使うときは pcscd / Smart Card サービスを開始してください。"),
        "en": ("The smart-card service is not running; the simulator reader is configured, so that is fine.",
               "Start pcscd / the Smart Card service before using a real reader."),
    },
    "pcsc_error": {
        "ja": ("スマートカード サービスがエラーを返しました: {detail}",
               "PC を再起動し、改善しなければ販売店に連絡してください。"),
        "en": ("The smart-card service returned an error: {detail}",
               "Restart the PC; if it persists, call your vendor."),
    },
    "pcscd_module_missing": {
        "ja": ("PC/SC ライブラリ (pyscard) を読み込めません: {detail}", "アプリを再インストールしてください。"),
        "en": ("The PC/SC library (pyscard) cannot be loaded: {detail}", "Reinstall the app."),
    },
    # --- readers -----------------------------------------------------------------------------------------------
    "readers_ok": {
        "ja": ("カードリーダー: {readers}", ""),
        "en": ("Card readers: {readers}", ""),
    },
    "readers_none": {
        "ja": ("カードリーダーが 1 台も見つかりません。",
               "カードリーダーの USB ケーブルを挿し直してください (別の USB 差込口も試す)。"
               "ドライバーが必要な機種は導入を。"),
        "en": ("No card reader was found.",
               "Plug the reader's USB cable in again (try another port); install its driver if the model needs one."),
    },
    "reader_configured_missing": {
        "ja": ("設定したカードリーダー「{configured}」が接続されていません。接続中: {readers}",
               "そのリーダーを接続するか、初期設定ウィザードで接続中のリーダーを選び直してください。"),
        "en": ("The configured reader '{configured}' is not connected. Connected: {readers}",
               "Connect it, or choose one of the connected readers in the setup wizard."),
    },
    "readers_skipped": {
        "ja": ("スマートカード サービスが使えないため、カードリーダーは確認できません。",
               "上の「PC/SC」の対処を先に行ってください。"),
        "en": ("Readers cannot be checked without the smart-card service.", "Fix the PC/SC item above first."),
    },
    "readers_simulator": {
        "ja": ("シミュレーター読み取り機 (デモ / QA) が設定されています。",
               "実運用では初期設定でカードリーダーを選んでください。"),
        "en": ("The simulator reader (demo / QA) is configured.",
               "For real use, choose a card reader in the setup wizard."),
    },
    # --- card --------------------------------------------------------------------------------------------------
    "card_absent": {
        "ja": ("「{reader}」にカードは置かれていません (読み取り確認をするにはカードを置いて再実行)。", ""),
        "en": ("No card is on '{reader}' (place a card and run again to test reading).", ""),
    },
    "card_ok": {
        "ja": ("「{reader}」のカードを読み取れました (マイナンバーカードの公的個人認証 AP を確認)。", ""),
        "en": ("The card on '{reader}' was read (the My Number Card's JPKI application answered).", ""),
    },
    "card_not_my_number": {
        "ja": ("「{reader}」のカードは読めましたが、マイナンバーカードではありません。",
               "マイナンバーカード (またはマイナ保険証を入れたスマートフォン) を置いてください。"),
        "en": ("The card on '{reader}' answered, but it is not a My Number Card.",
               "Place a My Number Card (or a phone carrying the マイナ保険証)."),
    },
    "card_unreadable": {
        "ja": ("「{reader}」のカードを読み取れません: {detail}",
               "カードを置き直してください。ほかのカードでも読めなければリーダーの故障の可能性があります。"),
        "en": ("The card on '{reader}' cannot be read: {detail}",
               "Place the card again; if no card can be read, the reader may be faulty."),
    },
    "card_skipped": {
        "ja": ("カードリーダーが無いため、カードの読み取りは確認できません。", ""),
        "en": ("Card reading cannot be checked without a reader.", ""),
    },
    # --- font --------------------------------------------------------------------------------------------------
    "font_ok": {
        "ja": ("日本語フォントがあります: {family}", ""),
        "en": ("A font with Japanese characters is installed: {family}", ""),
    },
    "font_missing": {
        "ja": ("日本語を表示できるフォントがありません。画面の日本語が「□」になります。",
               "Debian/Ubuntu: sudo apt-get install fonts-noto-cjk (小さい代替: fonts-ipafont-gothic)。"
               "Windows: 設定 > アプリ > オプション機能 で「日本語補助フォント」を追加。"),
        "en": ("No font with Japanese characters is installed: Japanese text would show as boxes.",
               "Debian/Ubuntu: sudo apt-get install fonts-noto-cjk (smaller: fonts-ipafont-gothic). "
               "Windows: Settings > Apps > Optional features > add 'Japanese Supplemental Fonts'."),
    },
    "font_unknown": {
        "ja": ("フォントを確認する手段がありません ({detail})。",
               "画面に日本語が正しく表示されるか目で確認してください。"),
        "en": ("Fonts could not be checked ({detail}).", "Check by eye that Japanese text shows correctly on screen."),
    },
    # --- folders -----------------------------------------------------------------------------------------------
    "folder_ok": {
        "ja": ("{role} フォルダー {path} は読み書きできます。", ""),
        "en": ("The {role} folder {path} is readable and writable.", ""),
    },
    "folder_not_set": {
        "ja": ("{role} フォルダーが設定されていません。",
               "オンライン資格確認端末の共有フォルダーを使う場合は、初期設定ウィザードで指定してください。"),
        "en": ("The {role} folder is not set.",
               "If the OQS terminal's shared folders are used, set it in the setup wizard."),
    },
    "folder_missing": {
        "ja": ("{role} フォルダー {path} がありません。",
               "オンライン資格確認端末の共有フォルダーが接続 (ネットワークドライブ) されているか確認し、"
               "正しい場所を初期設定ウィザードで指定してください。"),
        "en": ("The {role} folder {path} does not exist.",
               "Check that the OQS terminal's shared folder is connected (network drive), and set the right place "
               "in the setup wizard."),
    },
    "folder_not_a_folder": {
        "ja": ("{role} の場所 {path} はフォルダーではありません。",
               "初期設定ウィザードでフォルダーを指定し直してください。"),
        "en": ("The {role} location {path} is not a folder.", "Choose a folder in the setup wizard."),
    },
    "folder_read_only": {
        "ja": ("{role} フォルダー {path} に書き込めません ({detail})。",
               "共有フォルダーの書き込み権限 (この PC のユーザー) を管理者に設定してもらってください。"),
        "en": ("The {role} folder {path} is not writable ({detail}).",
               "Ask the administrator to give this PC's user write permission on the shared folder."),
    },
    # --- institution code --------------------------------------------------------------------------------------
    "institution_ok": {
        "ja": ("医療機関コード {code} (検証番号 OK)。", ""),
        "en": ("Medical institution code {code} (check digit correct).", ""),
    },
    "institution_not_set": {
        "ja": ("医療機関コードが設定されていません。",
               "初期設定ウィザードで 10 桁の医療機関コードを入力してください。"),
        "en": ("The medical institution code is not set.", "Enter the 10-digit code in the setup wizard."),
    },
    "institution_invalid": {
        "ja": ("医療機関コード {code} が正しくありません: {detail}",
               "指定通知書の 10 桁のコードを入力し直してください。"),
        "en": ("The medical institution code {code} is not valid: {detail}",
               "Enter the 10-digit code from the designation notice again."),
    },
    # --- gateway -----------------------------------------------------------------------------------------------
    "gateway_ok": {
        "ja": ("資格確認ゲートウェイ {url} に接続できました ({ms} ms)。", ""),
        "en": ("The eligibility gateway {url} answered ({ms} ms).", ""),
    },
    "gateway_not_set": {
        "ja": ("資格確認ゲートウェイが設定されていません (暗証番号方式の資格確認は使えません)。",
               "暗証番号方式を使う場合は、初期設定ウィザードでゲートウェイの URL を入力してください。"),
        "en": ("No eligibility gateway is set (the PIN path cannot confirm eligibility).",
               "If the PIN path is used, enter the gateway URL in the setup wizard."),
    },
    "gateway_unreachable": {
        "ja": ("資格確認ゲートウェイ {url} に接続できません: {detail}",
               "ネットワーク (LAN ケーブル、VPN、ルーター) とゲートウェイの電源を確認してください。"
               "つながるまでは資格確認はオフライン (前回確認結果) で運用されます。"),
        "en": ("The eligibility gateway {url} cannot be reached: {detail}",
               "Check the network (cable, VPN, router) and that the gateway is switched on. Until it is back, "
               "eligibility runs offline on the last confirmed results."),
    },
    "gateway_tls": {
        "ja": ("資格確認ゲートウェイ {url} の証明書 (TLS) を確認できません: {detail}",
               "URL (https://…) と、CA 証明書・クライアント証明書の設定を販売店に確認してください。"),
        "en": ("The eligibility gateway {url} failed the TLS check: {detail}",
               "Check the URL (https://...) and the CA / client certificate settings with your vendor."),
    },
    "gateway_protocol": {
        "ja": ("{url} は応答しましたが、資格確認ゲートウェイの応答ではありません: {detail}",
               "URL が正しいか (別のサーバーを指していないか) 確認してください。"),
        "en": ("{url} answered, but not like an eligibility gateway: {detail}",
               "Check that the URL points to the gateway and not another server."),
    },
    "gateway_bad_url": {
        "ja": ("ゲートウェイの URL「{url}」が正しくありません。", "https://ホスト名:ポート/ の形で入力してください。"),
        "en": ("The gateway URL '{url}' is not valid.", "Enter it as https://host:port/."),
    },
    # --- database ----------------------------------------------------------------------------------------------
    "database_ok": {
        "ja": ("データベース {path} を設定の鍵 ({source}) で開けました。", ""),
        "en": ("The database {path} opens with the configured key ({source}).", ""),
    },
    "database_missing": {
        "ja": ("データベース {path} がまだありません。",
               "初期設定ウィザードを完了するか、reception-app db init で作成してください。"),
        "en": ("There is no database at {path} yet.",
               "Complete the setup wizard, or create it with `reception-app db init`."),
    },
    "database_wrong_key": {
        "ja": ("データベース {path} を設定の鍵では開けません (鍵またはパスフレーズが違います)。",
               "正しいパスフレーズを入力するか、この PC のキーリングに鍵を戻してください。"
               "データは変更されていません。"),
        "en": ("The database {path} does not open with the configured key (wrong key or passphrase).",
               "Enter the right passphrase, or restore the key to this PC's keyring. Nothing was changed."),
    },
    "database_keyring_unavailable": {
        "ja": ("この PC には使えるキーリング (鍵の保管庫) がありません。",
               "初期設定ウィザードで「パスフレーズ」方式を選んでください (Linux のキオスクでは通常こちら)。"),
        "en": ("No OS keyring is available on this PC.",
               "Choose the passphrase method in the setup wizard (usual on Linux kiosks)."),
    },
    "database_key_missing": {
        "ja": ("キーリングにこのデータベースの鍵がありません (別のユーザーや別の PC で作成された可能性)。",
               "作成したユーザーでサインインするか、パスフレーズで開いてください。"),
        "en": ("The keyring has no key for this database (created by another user or on another PC?).",
               "Sign in as the user who created it, or open it with its passphrase."),
    },
    "database_passphrase_needed": {
        "ja": ("データベースはパスフレーズ方式です。パスフレーズ無しでは確認できません。",
               "--passphrase-env 変数名 でパスフレーズを渡して再実行してください。"),
        "en": ("The database uses a passphrase; it cannot be checked without it.",
               "Run again with --passphrase-env VARIABLE holding the passphrase."),
    },
    "database_error": {
        "ja": ("データベース {path} を開けません: {detail}",
               "表示された内容に従ってください。直らなければ販売店に連絡を。"),
        "en": ("The database {path} cannot be opened: {detail}",
               "Follow the message; if it persists, call your vendor."),
    },
}

STATUS_LABELS: dict[str, dict[Lang, str]] = {
    "ok": {"ja": "OK", "en": "OK"},
    "warning": {"ja": "注意", "en": "WARNING"},
    "fail": {"ja": "失敗", "en": "FAIL"},
}

CHECK_TITLES: dict[str, dict[Lang, str]] = {
    "settings": {"ja": "設定ファイル", "en": "Settings file"},
    "pcsc_service": {"ja": "スマートカード サービス (PC/SC)", "en": "Smart-card service (PC/SC)"},
    "readers": {"ja": "カードリーダー", "en": "Card readers"},
    "card": {"ja": "カードの読み取り", "en": "Card reading"},
    "font": {"ja": "日本語フォント", "en": "Japanese font"},
    "folder_face": {"ja": "顔認証結果フォルダー (face)", "en": "Face-result folder (face)"},
    "folder_req": {"ja": "要求フォルダー (req)", "en": "Request folder (req)"},
    "folder_res": {"ja": "応答フォルダー (res)", "en": "Response folder (res)"},
    "institution_code": {"ja": "医療機関コード", "en": "Medical institution code"},
    "gateway": {"ja": "資格確認ゲートウェイ", "en": "Eligibility gateway"},
    "database": {"ja": "データベース", "en": "Database"},
}

FOLDER_ROLES: dict[str, dict[Lang, str]] = {
    "face": {"ja": "顔認証結果 (face)", "en": "face-result (face)"},
    "req": {"ja": "要求 (req)", "en": "request (req)"},
    "res": {"ja": "応答 (res)", "en": "response (res)"},
}

SUMMARY: dict[str, dict[Lang, str]] = {
    "all_ok": {"ja": "問題はありません。", "en": "Nothing is missing."},
    "warnings": {"ja": "注意が {n} 件あります (受付は動きます)。", "en": "{n} warning(s) (reception works)."},
    "failures": {"ja": "{n} 件の問題があります。上の「対処」を行ってください。",
                 "en": "{n} problem(s): follow the 'what to do' lines above."},
    "what_to_do": {"ja": "対処", "en": "What to do"},
}

# Why a number failed (reason codes of `eligibility.numbers.NumberCheck`), for the {detail} of "institution_invalid".
NUMBER_REASONS: dict[str, dict[Lang, str]] = {
    "empty": {"ja": "番号がありません", "en": "no number"},
    "not_digits": {"ja": "数字以外の文字があります", "en": "it has characters other than digits"},
    "wrong_length": {"ja": "桁数が違います (10 桁)", "en": "it does not have 10 digits"},
    "bad_check_digit": {"ja": "検証番号 (最後の 1 桁) が合いません", "en": "the check digit does not match"},
    "bad_prefecture": {"ja": "都道府県番号 (最初の 2 桁) が 01–47 ではありません",
                       "en": "the prefecture code (first 2 digits) is not 01–47"},
}
