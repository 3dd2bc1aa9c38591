"""Real queries and the pages that must come first for them (top three): every scenario
and indicator name, the segment, area and tier names, terms from the texts, and the
partial words a phone user types. Pages are given as paths below the site root; a query
passes when any of its pages is among the first three results."""


def scenario(*numbers: int) -> list[str]:
    return [f"scenarios/{n:02d}/index.html" for n in numbers]


def indicator(number: int) -> list[str]:
    return [f"indicators/{number:02d}/index.html"]


SCENARIOS = ["工厂数字化设计与交付", "数字孪生工厂运营优化", "产品数字化研发设计", "虚拟验证与中试", "工艺数字化设计",
             "可制造性设计", "生产计划优化", "智能排产调度", "产线柔性配置", "人机协同制造", "工艺动态优化", "先进过程控制",
             "数智精益管理", "在线智能检测", "质量追溯与分析改进", "设备运行监控", "设备智能运维", "智能仓储", "精准配送",
             "安全一体化管控", "危险作业自动化", "能源智能管控", "碳资产全生命周期管理", "污染在线管控", "智慧营销管理",
             "产品智能运维", "智能客户服务", "供应链计划协同优化", "供应链物流智能配送", "供应商数智化管理", "先进工业网络应用",
             "工业信息安全管控", "工厂数据资源管理", "数据驱动产品研发", "大规模个性化定制", "网络协同制造", "研产供销服深度集成",
             "弹性供应链", "全员数字化管理", "可持续制造"]

INDICATORS = ["研发设计数字化水平", "生产作业数字化水平", "生产管理数字化水平", "经营管理数字化水平", "营销服务数字化水平",
              "产业链供应链协同数字化水平", "数字化投入规模", "网络与安全", "数据要素", "组织战略人才"]

# Segment → its scenarios: a segment name finds one of them (or Annex 3, where the
# segments are defined).
SEGMENTS = {"工厂建设": [1, 2], "产品设计": [3, 4], "工艺设计": [5, 6], "计划调度": [7, 8], "生产作业": [9, 10, 11, 12, 13],
            "质量管控": [14, 15], "设备管理": [16, 17], "仓储物流": [18, 19], "安全管控": [20, 21], "能碳管理": [22, 23],
            "环保管理": [24], "营销与售后": [25, 26, 27], "供应链管理": [28, 29, 30], "信息基础设施": [31, 32, 33],
            "模式创新": [34, 35, 36, 37, 38, 39, 40]}

TIERS = {"基础级": "basic", "先进级": "advanced", "卓越级": "excellent", "领航级": "leading"}

# The areas of Annex 1: defined on the tiers page and in Annex 1, and what each tier
# requires of them on the tier pages.
AREAS = ["研发设计", "生产管理", "运营管理"]
AREA_PAGES = ["tiers/index.html", "annex-1/index.html"] + [f"tiers/{key}/index.html" for key in ("basic", "advanced", "excellent", "leading")]

# Terms of the texts, with the scenarios that use them.
TERMS = {"数字孪生": [2, 9], "排产": [8], "碳排放": [23], "能耗": [22], "追溯": [15], "在线检测": [14], "视觉检测": [14],
         "预测性维护": [13, 17, 26], "故障诊断": [26], "工业互联网": [31, 32, 36], "信息安全": [32], "数据治理": [33],
         "WMS": [18], "BIM": [1], "仿真": [1, 4], "中试": [4], "柔性": [9, 35], "精益": [13], "个性化定制": [35, 3],
         "协同制造": [36, 10], "营销": [25], "远程运维": [26], "污染": [24], "危险作业": [21], "能源管理": [22],
         "换产": [9], "巡检": [17], "碳资产": [23], "动线": [1], "网络安全": [32], "需求预测": [25, 28], "工艺参数": [11, 12]}

# What a phone user types: parts of names and short words.
PARTIAL = {"孪生": [2, 9], "碳": [23], "仓储": [18], "质量追溯": [15], "智能运维": [17, 26], "供应链": [28, 29, 30, 38],
           "设备监控": [16], "能源": [22], "安全管控": [20, 32], "客户服务": [27], "智能检测": [14], "精准配送": [19],
           "排产调度": [8], "虚拟验证": [4], "过程控制": [12]}


def queries() -> list[tuple[str, list[str]]]:
    cases = [(name, scenario(no)) for no, name in enumerate(SCENARIOS, 1)]
    cases += [(name, indicator(no)) for no, name in enumerate(INDICATORS, 1)]
    # 工厂建设 and 生产作业 are also areas of Annex 1.
    cases += [(name, scenario(*numbers) + ["annex-3/index.html"] + (AREA_PAGES if name in ("工厂建设", "生产作业") else []))
              for name, numbers in SEGMENTS.items()]
    cases += [(name, [f"tiers/{key}/index.html"]) for name, key in TIERS.items()]
    cases += [(name, AREA_PAGES) for name in AREAS]
    cases += [(term, scenario(*numbers)) for term, numbers in TERMS.items()]
    cases += [(term, scenario(*numbers)) for term, numbers in PARTIAL.items()]
    return cases
