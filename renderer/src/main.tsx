import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles/base.css'
import './styles/layout.css'
import './styles/forms.css'
import './styles/timeline.css'
import './styles/evidence.css'

const root = document.getElementById('root')
if (!root) throw new Error('renderer/index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
