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


def test_a_second_measures_part_after_the_shortcomings_fires(run, report):
    text = report.replace("四、2025年度", "四、普法工作开展情况\n全年开展普法活动12场。\n五、2025年度")
    assert run(text, "FZ109") == [
        (6, 3, "FZ109", "info", "“2024年度推进法治政府建设存在的不足和原因”（“存在的不足和原因”部分）排在“主要举措和成效”部分之前，与规定所列顺序不一致")
    ]


def test_a_thematic_first_part_before_the_shortcomings_near_miss(run, report):
    text = report.replace("一、2024年度推进法治政府建设的主要举措和成效", "一、学习宣传贯彻习近平法治思想情况\n全年集中学习6次。\n二、主要举措和成效")
    text = text.replace("二、2024年度推进", "三、2024年度推进").replace("三、2024年度党政", "四、2024年度党政").replace("四、2025", "五、2025")
    assert run(text, "FZ109") == []
