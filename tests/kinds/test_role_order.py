def test_regulation_order_near_miss(run, report):
    assert run(report, "FZ109") == []


def test_first_responsible_before_shortcomings_fires(run, report):
    head, rest = report.split("二、2024年度推进法治政府建设存在的不足和原因\n")
    shortcomings, rest = rest.split("三、", 1)
    fr, plan = ("三、" + rest).split("四、", 1)
    text = head + fr.replace("三、", "二、") + "三、2024年度推进法治政府建设存在的不足和原因\n" + shortcomings + "四、" + plan
    assert run(text, "FZ109") == [
        (6, 3, "FZ109", "info", "“2024年度党政主要负责人履行推进法治建设第一责任人职责情况”（“党政主要负责人履行推进法治建设第一责任人职责情况”部分）排在“存在的不足和原因”部分之前，与规定所列顺序不一致")
    ]
