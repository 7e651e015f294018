// First: zod's configuration must be in place before any module creates a schema.
import './lib/zod-jitless'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import './styles/tokens.css'
import './styles/base.css'
import './components/ui/ui.css'
import './app/app.css'
import './features/vault/vault.css'
import './features/therapists/therapists.css'
import './features/home/home.css'

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
