import { Body1, Caption1, FluentProvider, makeStyles, Subtitle2, Title3, tokens, webLightTheme } from '@fluentui/react-components';
import { functionList } from './functionList';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

const EXAMPLE = '=MIB.SCORE("cq-jiangbei-2025-hospital", A2:A38, B2:B38)';

/** The task pane's shell: what the add-in does today and what the pane will do. */
export function App({ host }: { host: string | null }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <Title3 as="h1">MIB 考核助手</Title3>
        <Body1>定点医药机构医保协议考核：逐项计分、否决项、扣分超过单项分值、等次与质量保证金返还。</Body1>

        <Subtitle2 as="h2">任务窗格将提供</Subtitle2>
        <ul className={styles.list}>
          <li>
            <Body1>选择官方考核表，生成保留官方列顺序的考核工作表（输入单元格带数据验证，公式单元格锁定）。</Body1>
          </li>
          <li>
            <Body1>逐项查看得分与计算过程，列出否决项、超出单项分值未计入的扣分和未填写的输入。</Body1>
          </li>
          <li>
            <Body1>按政策确定等次，计算质量保证金返还。</Body1>
          </li>
        </ul>

        <Subtitle2 as="h2">现在就能在单元格中使用的函数</Subtitle2>
        <ul className={styles.list}>
          {functionList().map((fn) => (
            <li key={fn.signature}>
              <code className={styles.code}>{fn.signature}</code>
              <br />
              <Caption1>{fn.description}</Caption1>
            </li>
          ))}
        </ul>
        <Caption1>
          例如 <code className={styles.code}>{EXAMPLE}</code>：A 列为输入编号（如 4.2），B 列为取值（是/否、次数、比例）。
        </Caption1>

        <Caption1>{host ? `运行环境：${host}` : '运行环境：未在 Office 中打开（浏览器预览）'}</Caption1>
      </main>
    </FluentProvider>
  );
}
